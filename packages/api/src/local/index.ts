export { startLocalServer, createDevApi, LOCAL_TABLE, type LocalServer } from './server';
export { seedDemoData, loadDemoUsers, type DemoUser } from './seed';
export { seedDemoPeople, type DemoLogin } from './demo-people';
export { DevClock, DevClockError, parseClockSetting, describeInstant, CLOCK_FORMATS } from './dev-clock';
export { CLOCK_PATH } from './clock-endpoint';
export { runUnitDemos, type DemoCooperative } from './unit-demos';
