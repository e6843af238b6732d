import packageJson from '../../../package.json';

export const TOOL_NAME = 'sovereign-lint';
export const TOOL_VERSION: string = packageJson.version;
export const TOOL_HOMEPAGE = 'https://github.com/sovereign-lint/sovereign-lint';
