/**
 * The Lightning console emulator: a strict stand-in for Salesforce Lightning Experience and Open
 * CTI (console page framing the softphone, `opencti_min.js`, records, Tasks, Omni-Channel, LMS,
 * a REST subset for jsforce, and a control API for tests). See docs/console-emulator.md.
 */
export { startConsoleEmulator, type ApexMethod, type ConsoleEmulator, type ConsoleEmulatorOptions } from './server.js';
export { CALL_TYPE, SCREENPOP_TYPE, OPENCTI_METHODS, type OpenCtiError, type OpenCtiResponse } from './protocol.js';
export { loadRecordsFile, DEMO_RECORDS_PATH, type DemoCustomer, type RecordsFile } from './records.js';
export { RecordsError } from './db.js';
export { CallCenterError, loadCallCenter, flattenCallCenter, parseCallCenterXml, validateCallCenter, type CallCenterDefinition } from './call-center.js';
export { DEMO_SOFTPHONE_LAYOUT, type SoftphoneLayout } from './softphone-layout.js';
export { DEMO_PRESENCE_STATUSES, type PresenceStatus } from './omni.js';
