// The VS Code extension: a thin shell that starts the Sovereign Lint language server, shows each
// folder's verdict in the status bar and offers the scan, report and restart commands. It knows
// nothing of rules or the knowledge base; it speaks the protocol only.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { type FolderVerdict, ReportRequest, ScanWorkspaceRequest, VerdictNotification } from '../../server/src/protocol';

/** What the extension hands to other extensions and to its end-to-end tests. */
export interface SovereignLintApi {
  /** The latest verdict of every workspace folder. */
  verdicts(): readonly FolderVerdict[];
  /** The status bar text as the user sees it. */
  statusText(): string;
  /** Resolves once the server has sent its first verdicts. */
  ready: Promise<void>;
  /** Fires with every verdict notification, after the status bar shows it. */
  onDidChangeVerdicts: vscode.Event<readonly FolderVerdict[]>;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<SovereignLintApi> {
  const serverModule = context.asAbsolutePath('dist/cli.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, args: ['lsp'], transport: TransportKind.ipc },
    debug: { module: serverModule, args: ['lsp'], transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', pattern: '**/package.json' },
      { scheme: 'file', pattern: '**/{pyproject,hatch}.toml' },
      { scheme: 'file', pattern: '**/{Pipfile,setup.py,setup.cfg}' },
      { scheme: 'file', pattern: '**/{environment,conda}*.{yml,yaml}' },
      { scheme: 'file', pattern: '**/*.{txt,in}' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', pattern: '**/{sovereign-lint,.sovereign-lint}.json' },
      // Lockfiles (hovers and quick fixes on what they pull in) and the workspace files that hold catalogs.
      { scheme: 'file', pattern: '**/{package-lock.json,npm-shrinkwrap.json,yarn.lock,pnpm-lock.yaml,bun.lock,poetry.lock,uv.lock,pdm.lock,requirements.lock,requirements-dev.lock,Pipfile.lock}' },
      { scheme: 'file', pattern: '**/{pnpm-workspace.yaml,.yarnrc.yml}' },
    ],
    synchronize: { configurationSection: 'sovereignLint' },
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted }),
  };
  client = new LanguageClient('sovereignLint', 'Sovereign Lint', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem('sovereignLint.verdict', vscode.StatusBarAlignment.Left, 10);
  status.name = 'Sovereign Lint verdict';
  status.command = 'sovereignLint.showReport';
  status.text = '$(sync~spin) Sovereign Lint';
  status.tooltip = 'Sovereign Lint is scanning the workspace';
  status.show();

  let verdicts: FolderVerdict[] = [];
  const verdictsChanged = new vscode.EventEmitter<readonly FolderVerdict[]>();
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const render = () => {
    const shown = verdictFor(vscode.window.activeTextEditor?.document.uri, verdicts);
    if (!shown) return;
    status.text = `$(shield) ${statusLine(shown)}`;
    status.tooltip = new vscode.MarkdownString(
      verdicts.map((v) => `**${v.folderName}**: ${v.summary} (target ${v.target}: ${v.meetsTarget ? 'met' : 'not met'})`).join('\n\n') +
        '\n\nClick for the report.',
    );
    status.backgroundColor = shown.meetsTarget ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
  };

  context.subscriptions.push(
    status,
    verdictsChanged,
    client.onNotification(VerdictNotification, (params) => {
      verdicts = params.verdicts;
      render();
      markReady();
      verdictsChanged.fire(verdicts);
    }),
    vscode.window.onDidChangeActiveTextEditor(render),
    vscode.commands.registerCommand('sovereignLint.scanWorkspace', () => client?.sendRequest(ScanWorkspaceRequest)),
    vscode.commands.registerCommand('sovereignLint.showReport', async () => {
      const markdown = await client?.sendRequest(ReportRequest);
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown ?? '' });
      await vscode.window.showTextDocument(document, { preview: true });
    }),
    // Config packages from node_modules load only in a trusted workspace: once trusted, start again with them.
    vscode.workspace.onDidGrantWorkspaceTrust(() => client?.restart()),
    vscode.commands.registerCommand('sovereignLint.restartServer', async () => {
      status.text = '$(sync~spin) Sovereign Lint';
      await client?.restart();
    }),
  );
  await client.start();
  return {
    verdicts: () => verdicts,
    statusText: () => status.text.replace(/^\$\([^)]*\)\s*/, ''),
    ready,
    onDidChangeVerdicts: verdictsChanged.event,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** "Sovereign Lint: national — 14 block sovereign" */
function statusLine(verdict: FolderVerdict): string {
  if (verdict.manifests === 0) return 'Sovereign Lint: no manifests';
  if (verdict.tier === 'sovereign') {
    return `Sovereign Lint: sovereign${verdict.exceptions.length ? `, ${verdict.exceptions.length} accepted` : ''}`;
  }
  const next = verdict.tier === 'none' ? 'national' : 'sovereign';
  const count = verdict.blockedBy.length;
  return `Sovereign Lint: ${verdict.tier} — ${count} ${count === 1 ? 'blocks' : 'block'} ${next}`;
}

/** The verdict of the active editor's folder, else the first folder's. */
function verdictFor(uri: vscode.Uri | undefined, verdicts: readonly FolderVerdict[]): FolderVerdict | undefined {
  const folder = uri ? vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() : undefined;
  return verdicts.find((v) => v.folderUri === folder) ?? verdicts[0];
}
