'use strict';
/** 1: the framework's fixed cost per request, against `node:http` saying hello. */
module.exports = {
  name: 'health-live',
  title: 'GET /health/live',
  ceiling: 'hello.js',
  target: { ratio: 0.6 },
  async prepare() {
    const request = { method: 'GET', path: '/health/live' };
    return { app: { request }, ceiling: { request } };
  },
};
