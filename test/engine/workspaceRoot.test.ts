// The workspace a scan root sits in: found above it (never past a repository's root), with its members.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { enclosingWorkspace, isWorkspaceMember, workspaceMembers } from '../../server/src/engine/workspaceRoot';
import { writeFile } from '../helpers/files';

let root: string;
const write = (file: string, content: string) => writeFile(root, file, content);
const at = (dir: string) => path.join(root, dir);

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-workspace-root-'));
});

describe('enclosingWorkspace', () => {
  it('finds the nearest folder above that roots an npm, pnpm or uv workspace', () => {
    write('npm/package.json', '{ "workspaces": ["packages/*"] }');
    write('npm/packages/a/package.json', '{ "name": "a" }');
    write('pnpm/pnpm-workspace.yaml', 'packages:\n  - apps/*\n');
    write('uv/pyproject.toml', '[project]\nname = "root"\n\n[tool.uv.workspace]\nmembers = ["libs/*"]\n');
    expect(enclosingWorkspace(at('npm/packages/a'))).toBe(at('npm'));
    expect(enclosingWorkspace(at('npm/packages'))).toBe(at('npm'));
    expect(enclosingWorkspace(at('pnpm/apps/web'))).toBe(at('pnpm'));
    expect(enclosingWorkspace(at('uv/libs/core'))).toBe(at('uv'));
  });

  it('is none for a workspace root itself, a folder under a plain package.json, or past a repository root', () => {
    write('mono/package.json', '{ "workspaces": ["packages/*"] }');
    expect(enclosingWorkspace(at('mono'))).toBeUndefined();
    write('plain/package.json', '{ "name": "plain" }');
    expect(enclosingWorkspace(at('plain/sub'))).toBeUndefined();
    // A repository checked out inside a workspace's folder is a project of its own.
    write('mono/vendor/repo/.git/HEAD', 'ref: refs/heads/main\n');
    expect(enclosingWorkspace(at('mono/vendor/repo'))).toBeUndefined();
    expect(enclosingWorkspace(at('mono/vendor/repo/sub'))).toBeUndefined();
    expect(enclosingWorkspace(at('mono/vendor'))).toBe(at('mono'));
  });
});

describe('isWorkspaceMember', () => {
  it('reads npm, pnpm and uv member globs with their exclusions, relative to the workspace root', () => {
    write('npm/package.json', '{ "workspaces": ["packages/*", "apps/**"] }');
    write('pnpm/pnpm-workspace.yaml', "packages:\n  - 'libs/*'\n  - '!libs/old'\n");
    write('uv/pyproject.toml', '[tool.uv.workspace]\nmembers = ["crates/*"]\nexclude = ["crates/scratch"]\n');
    expect(isWorkspaceMember(at('npm'), at('npm/packages/web'), 'npm')).toBe(true);
    expect(isWorkspaceMember(at('npm'), at('npm/apps/a/b'), 'npm')).toBe(true);
    expect(isWorkspaceMember(at('npm'), at('npm/examples/demo'), 'npm')).toBe(false);
    expect(isWorkspaceMember(at('npm'), at('npm/packages/web'), 'uv')).toBe(false);
    expect(isWorkspaceMember(at('pnpm'), at('pnpm/libs/core'), 'npm')).toBe(true);
    expect(isWorkspaceMember(at('pnpm'), at('pnpm/libs/old'), 'npm')).toBe(false);
    expect(isWorkspaceMember(at('uv'), at('uv/crates/core'), 'uv')).toBe(true);
    expect(isWorkspaceMember(at('uv'), at('uv/crates/scratch'), 'uv')).toBe(false);
  });
});

describe('workspaceMembers', () => {
  it('names the packages the workspace globs match, `!` excluding, never what node_modules holds', () => {
    write('pnpm-workspace.yaml', "packages:\n  - 'packages/*'\n  - apps/**\n  - '!apps/legacy'\n");
    write('packages/core/package.json', '{ "name": "@acme/core" }');
    write('packages/core/node_modules/dep/package.json', '{ "name": "dep" }');
    write('apps/web/package.json', '{ "name": "web" }');
    write('apps/web/e2e/package.json', '{ "name": "web-e2e" }');
    write('apps/legacy/package.json', '{ "name": "legacy" }');
    write('tools/package.json', '{ "name": "tools" }');
    expect(workspaceMembers(root).sort()).toEqual(['npm:@acme/core', 'npm:web', 'npm:web-e2e']);
  });

  it('names a uv workspace’s members and its root, by their pyproject.toml names', () => {
    write('pyproject.toml', '[project]\nname = "python-template"\n\n[tool.uv.workspace]\nmembers = ["apps/*", "packages/*"]\nexclude = ["packages/old"]\n');
    write('apps/example/pyproject.toml', '[project]\nname = "example"\n');
    write('packages/core/pyproject.toml', '[project]\nname = "Core_Lib"\n');
    write('packages/old/pyproject.toml', '[project]\nname = "old"\n');
    write('packages/broken/pyproject.toml', '[project\nname = "broken"\n');
    write('tools/pyproject.toml', '[project]\nname = "tools"\n');
    expect(workspaceMembers(root).sort()).toEqual(['pypi:core-lib', 'pypi:example', 'pypi:python-template']);
  });

  it('reads Yarn 1’s `workspaces.packages`, and nothing from a workspace file it cannot parse', () => {
    write('package.json', '{ "workspaces": { "packages": ["./libs/*/"] } }');
    write('libs/a/package.json', '{ "name": "a" }');
    write('libs/b/package.json', '{ "name": "b" ');
    expect(workspaceMembers(root)).toEqual(['npm:a']);
    write('pnpm-workspace.yaml', 'packages: [unclosed\n');
    expect(workspaceMembers(root)).toEqual([]);
  });
});
