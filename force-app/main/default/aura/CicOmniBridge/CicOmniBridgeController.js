/* eslint-disable @typescript-eslint/no-unused-expressions */
// Aura controller: one action per bridge message and per Omni-Channel event. Transport only; the
// helper does the work. test/metadata/aura-bridge.test.ts runs this file against the emulator's bridge.
({
  onBridgeMessage: function (component, message, helper) {
    helper.handleRequest(component, message);
  },
  omniChannelLoginSuccess: function (component, event, helper) {
    helper.forwardEvent(component, 'omniChannelLoginSuccess', event);
  },
  omniChannelStatusChanged: function (component, event, helper) {
    helper.forwardEvent(component, 'omniChannelStatusChanged', event);
  },
  omniChannelLogout: function (component, event, helper) {
    helper.forwardEvent(component, 'omniChannelLogout', event);
  },
  omniChannelWorkAssigned: function (component, event, helper) {
    helper.forwardEvent(component, 'omniChannelWorkAssigned', event);
  },
  omniChannelWorkAccepted: function (component, event, helper) {
    helper.forwardEvent(component, 'omniChannelWorkAccepted', event);
  },
  omniChannelWorkDeclined: function (component, event, helper) {
    helper.forwardEvent(component, 'omniChannelWorkDeclined', event);
  },
  omniChannelWorkClosed: function (component, event, helper) {
    helper.forwardEvent(component, 'omniChannelWorkClosed', event);
  },
  omniChannelWorkloadChanged: function (component, event, helper) {
    helper.forwardEvent(component, 'omniChannelWorkloadChanged', event);
  },
  omniChannelWorkFlagUpdated: function (component, event, helper) {
    helper.forwardEvent(component, 'omniChannelWorkFlagUpdated', event);
  },
  omniChannelConnectionError: function (component, event, helper) {
    helper.forwardEvent(component, 'omniChannelConnectionError', event);
  },
});
