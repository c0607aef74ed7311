import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SERVER_NODE_FLAGS } from '../src/node-flags';

const ROOT = path.resolve(__dirname, '../..');

describe('the server runs with the same Node flags everywhere', () => {
  it('npm start and the Dockerfile pass every flag of src/node-flags.ts to node', () => {
    const start: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start;
    const cmd = /^CMD (\[.*\])$/m.exec(fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'))?.[1];
    assert.ok(cmd, 'the Dockerfile has an exec-form CMD');
    assert.deepEqual(JSON.parse(cmd), ['node', ...SERVER_NODE_FLAGS, 'dist/src/main.js']);
    assert.match(start, new RegExp(`node ${SERVER_NODE_FLAGS.join(' ')} dist/src/main\\.js$`));
  });
});
