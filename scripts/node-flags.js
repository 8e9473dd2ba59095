'use strict';
/**
 * Node flags the service's processes run with, here (and in docker/Dockerfile) so that
 * `npm start`, the container and the benchmark run them alike.
 *
 * A larger young generation: a request allocates its rows, entities and JSON and drops them
 * at once, and with V8's default 16 MB semi-space the API spent 12% of its CPU in scavenges
 * under load. At 64 MB the reception list serves 11% more requests a second (`npm run bench`),
 * for at most some 200 MB more memory per process.
 */
const NODE_FLAGS = ['--max-semi-space-size=64'];

module.exports = { NODE_FLAGS };
