import { runBench } from './run';
await runBench({ scale: 1, quick: true, only: process.argv.slice(2) });
