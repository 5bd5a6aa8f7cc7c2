// Worker-thread entry for offThread (off-thread.ts): registers tsx's loader in this thread, then
// runs the TypeScript module named in workerData, which answers with one message.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
