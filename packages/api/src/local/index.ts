export { startLocalServer, createDevApi, LOCAL_TABLE, type LocalServer } from './server';
export { seedDemoData, loadDemoUsers, type DemoUser } from './seed';
