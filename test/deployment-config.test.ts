import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../src/config';

const ROOT = path.resolve(__dirname, '../..');

describe('docker-compose.yml passes the app a configuration it understands', () => {
  const compose = parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'));
  const appEnv: Record<string, string> = compose.services.app.environment;

  it('names only variables that loadConfig reads, and they validate', () => {
    const known = new Set<string>(CONFIG_VARIABLES.map((variable) => variable.name));
    assert.deepEqual(Object.keys(appEnv).filter((name) => !known.has(name)), []);
    const config = loadConfig(appEnv);
    assert.equal(config.port, 4000);
    assert.equal(config.production, true);
  });

  it('points DATABASE_URL at the db service with its credentials and database', () => {
    const db = compose.services.db.environment;
    const url = new URL(appEnv.DATABASE_URL);
    assert.equal(url.hostname, 'db');
    assert.equal(url.username, db.POSTGRES_USER);
    assert.equal(url.password, db.POSTGRES_PASSWORD);
    assert.equal(url.pathname, `/${db.POSTGRES_DB}`);
    assert.equal(compose.services.db.image, 'postgres:18');
    assert.equal(compose.services.app.depends_on.db.condition, 'service_healthy');
  });

  it('publishes the port the app listens on and probes its readiness endpoint', () => {
    assert.deepEqual(compose.services.app.ports, [`${appEnv.PORT}:${appEnv.PORT}`]);
    assert.match(compose.services.app.healthcheck.test.join(' '), new RegExp(`127\\.0\\.0\\.1:${appEnv.PORT}/health/ready`));
  });

  it('the README documents every configuration variable', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const variable of CONFIG_VARIABLES) assert.ok(readme.includes(`| \`${variable.name}\``), `${variable.name} is in the README table`);
  });
});
