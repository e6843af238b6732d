// The custom messages between the Sovereign Lint server and its clients, declared once and imported by
// both (the client imports nothing else of the server). Like rust-analyzer's lsp_ext.ts.
import { NotificationType, RequestType0 } from 'vscode-languageserver-protocol';

/** One workspace folder's verdict, as the status item and the report show it. */
export interface FolderVerdict {
  folderUri: string;
  folderName: string;
  target: 'sovereign' | 'national';
  tier: 'sovereign' | 'national' | 'none';
  meetsTarget: boolean;
  /** How many manifests the verdict is over: none, and there is nothing to judge (the tier says nothing). */
  manifests: number;
  /** "national — 14 components block sovereign (numpy, torch, … and 9 more)" */
  summary: string;
  blockedBy: string[];
  exceptions: string[];
  filesWithErrors: number;
  knowledgeBase: string;
  /** Files a config holds to another target than the folder's, and whether each reaches it (meetsTarget counts them). */
  otherTargets: { file: string; target: 'sovereign' | 'national'; meetsTarget: boolean }[];
}

export interface VerdictParams {
  verdicts: FolderVerdict[];
}

/** Server → client: the verdict of every workspace folder, sent whenever one changes. */
export const VerdictNotification = new NotificationType<VerdictParams>('sovereignLint/verdict');

/** Client → server: scan every manifest of every workspace folder again. */
export const ScanWorkspaceRequest = new RequestType0<void, void>('sovereignLint/scanWorkspace');

/** Client → server: a readable report (Markdown) of each folder's verdict and blockers. */
export const ReportRequest = new RequestType0<string, void>('sovereignLint/report');
