// The attacker of anonymous-overload.test.ts, in its own process so that its work does not slow the
// test's /healthz timer: CLIENTS concurrent clients, each posting ROUNDS anonymous bodies of BYTES.
// Prints the outcomes as one JSON line.
import http from 'node:http';

const [base, clients, rounds, bytes] = [
  process.argv[2],
  Number(process.argv[3]),
  Number(process.argv[4]),
  Number(process.argv[5]),
];
const targets = [
  { path: '/api/organizations', type: 'application/json' },
  { path: '/api/tabulate', type: 'text/csv' },
  { path: '/api/map/imports/races', type: 'text/csv' },
  { path: '/api/decisions', type: 'application/json' },
];

function postHuge(target) {
  const chunk = Buffer.alloc(64 * 1024, target.type === 'text/csv' ? 'a,' : '[');
  return new Promise((resolve) => {
    const request = http.request(`${base}${target.path}`, {
      method: 'POST',
      headers: { 'content-type': target.type, 'content-length': bytes },
    });
    let settled = false;
    const settle = (outcome) => {
      if (settled) return;
      settled = true;
      request.destroy();
      resolve(outcome);
    };
    request.on('response', (response) => {
      response.resume();
      settle({ status: response.statusCode });
    });
    request.on('error', (error) => settle({ reset: error.code ?? error.message }));
    let sent = 0;
    const pump = () => {
      while (!settled && sent < bytes) {
        const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += part.length;
        if (!request.write(part)) {
          request.once('drain', pump);
          return;
        }
      }
      if (!settled) request.end();
    };
    pump();
  });
}

const outcomes = [];
await Promise.all(
  Array.from({ length: clients }, async (_, i) => {
    for (let round = 0; round < rounds; round++) outcomes.push(await postHuge(targets[i % targets.length]));
  }),
);
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
