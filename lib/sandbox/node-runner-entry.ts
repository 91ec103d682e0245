/**
 * The runner in Node: a worker_threads entry that runs the same core as the browser worker, so the
 * lesson validator proves solutions and starters through the path learners use. It is bundled by
 * run-in-node.ts and started once per run. This is not a security boundary (the code it runs is the
 * lesson authors'): it enforces the time limit and the output limits, nothing more.
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createModuleTable } from './allowed-modules';
import { parseRunRequest, type RunnerMessage } from './protocol';
import { runLearnerRequest, UnhandledProblems } from './runner-core';

const port = parentPort;
if (!port) throw new Error('node-runner-entry must run in a worker thread');

const unhandled = new UnhandledProblems();
process.on('unhandledRejection', (reason) => unhandled.recordRejection(reason));
process.on('uncaughtException', (error) => unhandled.recordUncaught(error));

// Bound now, before learner code could replace MessagePort.prototype.postMessage (a global in Node).
const postToHost = port.postMessage.bind(port);
const request = parseRunRequest(workerData);
void runLearnerRequest(request, {
  modules: createModuleTable(),
  post: (message: RunnerMessage) => postToHost(message),
  unhandled,
});
