import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../electron/engine/workspace/open-workspace';
import { LEVERAGE_SCRIPT, emptyEngine, type SmallEngine } from './script-test-kit';

let small: SmallEngine;
beforeEach(() => {
  small = emptyEngine();
});
afterEach(() => small.close());

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('saved scripts', () => {
  it('saves version 1, adds a version only when the source changes, and keeps every version', async () => {
    const { client } = small;
    const first = await client.call('scripts.save', { name: 'leverage', source: LEVERAGE_SCRIPT });
    expect(first.created).toBe(true);
    expect(first.summary).toMatchObject({ name: 'leverage', versions: 1, latestVersion: 1 });
    expect(first.version).toMatchObject({
      version: 1,
      sha256: sha(LEVERAGE_SCRIPT),
      bytes: Buffer.byteLength(LEVERAGE_SCRIPT),
      source: LEVERAGE_SCRIPT,
    });

    const again = await client.call('scripts.save', {
      script: { name: 'leverage' },
      source: LEVERAGE_SCRIPT,
    });
    expect(again.created).toBe(false);
    expect(again.version.version).toBe(1);
    expect(again.summary.versions).toBe(1);

    const changed = `${LEVERAGE_SCRIPT}// é, a non-ASCII comment\n`;
    const second = await client.call('scripts.save', { script: { id: first.summary.id }, source: changed });
    expect(second).toMatchObject({ created: true, version: { version: 2, sha256: sha(changed) } });
    expect(second.version.bytes).toBe(Buffer.byteLength(changed, 'utf8'));
    expect(second.summary).toMatchObject({ versions: 2, latestVersion: 2 });

    // Going back to an older text is a change against the latest, so it is a new version.
    const third = await client.call('scripts.save', {
      script: { name: 'leverage' },
      source: LEVERAGE_SCRIPT,
    });
    expect(third.version.version).toBe(3);

    expect((await client.call('scripts.get', { script: { name: 'leverage' } })).version.version).toBe(3);
    const v2 = await client.call('scripts.get', { script: { name: 'leverage' }, version: 2 });
    expect(v2.version.source).toBe(changed);

    const history = await client.call('scripts.history', { script: { name: 'leverage' } });
    expect(history.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(history.versions[1]).toEqual({
      version: 2,
      savedAt: second.version.savedAt,
      sha256: sha(changed),
      bytes: Buffer.byteLength(changed),
    });
  });

  it('lists the most recently changed first, renames and deletes with the history', async () => {
    const { client } = small;
    const a = await client.call('scripts.save', { name: 'a', source: 'export default 1;' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await client.call('scripts.save', { name: 'b', source: 'export default 2;' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await client.call('scripts.save', { script: { name: 'a' }, source: 'export default 3;' });
    expect((await client.call('scripts.list', {})).scripts.map((s) => s.name)).toEqual(['a', 'b']);

    const renamed = await client.call('scripts.rename', { script: { id: a.summary.id }, newName: 'alpha' });
    expect(renamed).toMatchObject({ id: a.summary.id, name: 'alpha', versions: 2 });

    const { deleted } = await client.call('scripts.delete', { script: { name: 'alpha' } });
    expect(deleted).toMatchObject({ name: 'alpha', versions: 2 });
    expect((await client.call('scripts.list', {})).scripts.map((s) => s.name)).toEqual(['b']);
    const left = small.engine.workspacePath;
    const workspace = openWorkspace(left);
    expect(workspace.db.prepare('SELECT count(*) FROM script_versions').pluck().get()).toBe(1);
    workspace.close();
  });

  it('refuses unknown scripts and versions, and names that are taken', async () => {
    const { client } = small;
    await client.call('scripts.save', { name: 'a', source: 'x' });
    await client.call('scripts.save', { name: 'b', source: 'y' });
    await expect(client.call('scripts.get', { script: { name: 'zz' } })).rejects.toMatchObject({
      code: 'not-found',
      message: 'There is no script named "zz".',
    });
    await expect(client.call('scripts.history', { script: { id: 99 } })).rejects.toMatchObject({
      code: 'not-found',
      message: 'There is no script with id 99.',
    });
    await expect(client.call('scripts.get', { script: { name: 'a' }, version: 4 })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('has no version 4'),
    });
    await expect(client.call('scripts.save', { name: 'a', source: 'z' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('A script named "a" already exists'),
    });
    await expect(
      client.call('scripts.save', { script: { name: 'nope' }, source: 'z' }),
    ).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(
      client.call('scripts.rename', { script: { name: 'a' }, newName: 'b' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(client.call('scripts.delete', { script: { name: 'nope' } })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(client.call('scripts.save', { name: '  ', source: 'z' })).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });

  it('never rewrites a version (the table refuses updates)', async () => {
    await small.client.call('scripts.save', { name: 'a', source: 'x' });
    const workspace = openWorkspace(small.engine.workspacePath);
    expect(() => workspace.db.prepare("UPDATE script_versions SET source = 'y'").run()).toThrow(
      /never rewritten/,
    );
    workspace.close();
  });
});
