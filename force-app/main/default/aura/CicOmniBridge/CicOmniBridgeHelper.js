/* eslint-disable @typescript-eslint/no-unused-expressions */
/* global $A */
// Aura helper: the bridge envelope (the same as sim/crm/omni-bridge.ts).
//   softphone -> bridge  { type: 'omni.request', requestId, method, args? }
//   bridge -> softphone  { type: 'omni.response', requestId, ok: true, result }
//                        { type: 'omni.response', requestId, ok: false, error }
//                        { type: 'omni.event', name, params }
// Requests go to lightning:omniToolkitAPI unchanged and the result comes back unchanged.
// getServicePresenceStatuses is not a toolkit method: it reads ServicePresenceStatus through Apex.
({
  /** Argument names per method: [allowed, required]. Anything else is refused before the call. */
  methodSpec: function (method) {
    var none = { allowed: [], required: [] };
    var status = { allowed: ['statusId'], required: ['statusId'] };
    var work = { allowed: ['workId'], required: ['workId'] };
    var specs = {
      login: status,
      logout: none,
      setServicePresenceStatus: status,
      getServicePresenceStatusId: none,
      getServicePresenceStatusChannels: none,
      getAgentWorks: none,
      getAgentWorkload: none,
      acceptAgentWork: work,
      declineAgentWork: { allowed: ['workId', 'declineReason'], required: ['workId'] },
      closeAgentWork: work,
      raiseAgentWorkFlag: { allowed: ['workId', 'message'], required: ['workId'] },
      lowerAgentWorkFlag: work,
      getServicePresenceStatuses: { allowed: [], required: [], apex: 'c.getServicePresenceStatuses' },
    };
    return Object.prototype.hasOwnProperty.call(specs, method) ? specs[method] : null;
  },

  handleRequest: function (component, message) {
    var data = message && typeof message.getParams === 'function' ? message.getParams() : message;
    if (!data || typeof data !== 'object' || data.type !== 'omni.request') return; // our own responses and events come back too
    var requestId = typeof data.requestId === 'string' ? data.requestId : null;
    if (!this.isWellFormed(data)) {
      this.respond(component, requestId, false, 'malformed omni.request');
      return;
    }
    var method = data.method;
    var args = data.args || {};
    var spec = this.methodSpec(method);
    if (!spec) {
      this.respond(component, requestId, false, 'unknown omniToolkitAPI method ' + method);
      return;
    }
    var problem = this.argumentProblem(spec, args);
    if (problem) {
      this.respond(component, requestId, false, 'invalid arguments for ' + method + ': ' + problem);
      return;
    }
    var pending = spec.apex
      ? this.callApex(component, spec.apex)
      : this.callToolkit(component, method, spec, args);
    pending.then(
      $A.getCallback(
        function (result) {
          this.respond(component, requestId, true, result);
        }.bind(this),
      ),
      $A.getCallback(
        function (error) {
          this.respond(component, requestId, false, this.errorText(error));
        }.bind(this),
      ),
    );
  },

  isWellFormed: function (data) {
    var keys = Object.keys(data);
    for (var i = 0; i < keys.length; i++) {
      if (['type', 'requestId', 'method', 'args'].indexOf(keys[i]) < 0) return false;
    }
    if (typeof data.requestId !== 'string' || data.requestId === '') return false;
    if (typeof data.method !== 'string') return false;
    if (data.args === undefined) return true;
    return data.args !== null && typeof data.args === 'object' && !Array.isArray(data.args);
  },

  argumentProblem: function (spec, args) {
    var keys = Object.keys(args);
    for (var i = 0; i < keys.length; i++) {
      if (spec.allowed.indexOf(keys[i]) < 0) return 'unexpected argument ' + keys[i];
      if (typeof args[keys[i]] !== 'string') return keys[i] + ' must be a string';
    }
    for (var j = 0; j < spec.required.length; j++) {
      if (!args[spec.required[j]]) return spec.required[j] + ' is required';
    }
    return null;
  },

  callToolkit: function (component, method, spec, args) {
    try {
      var toolkit = component.find('omniToolkit');
      return Promise.resolve(spec.allowed.length > 0 ? toolkit[method](args) : toolkit[method]());
    } catch (error) {
      return Promise.reject(error);
    }
  },

  callApex: function (component, actionName) {
    var action = component.get(actionName);
    return new Promise(function (resolve, reject) {
      action.setCallback(component, function (response) {
        if (response.getState() === 'SUCCESS') resolve(response.getReturnValue());
        else reject(response.getError());
      });
      $A.enqueueAction(action);
    });
  },

  errorText: function (error) {
    if (typeof error === 'string' && error) return error;
    if (Array.isArray(error)) {
      var parts = [];
      for (var i = 0; i < error.length; i++) {
        if (error[i] && typeof error[i].message === 'string') parts.push(error[i].message);
      }
      if (parts.length > 0) return parts.join('; ');
    }
    if (error && typeof error.message === 'string' && error.message) return error.message;
    return 'the Omni-Channel toolkit call failed';
  },

  respond: function (component, requestId, ok, value) {
    var reply = { type: 'omni.response', requestId: requestId, ok: ok };
    if (ok) reply.result = this.plain(value);
    else reply.error = value;
    this.publish(component, reply);
  },

  forwardEvent: function (component, name, event) {
    var params = event && typeof event.getParams === 'function' ? event.getParams() : {};
    this.publish(component, { type: 'omni.event', name: name, params: this.plain(params) || {} });
  },

  /** Plain JSON data: the message crosses into the softphone frame. */
  plain: function (value) {
    return value === undefined ? null : JSON.parse(JSON.stringify(value));
  },

  publish: function (component, message) {
    component.find('bridge').publish(message);
    component.set('v.forwarded', (component.get('v.forwarded') || 0) + 1);
  },
});
