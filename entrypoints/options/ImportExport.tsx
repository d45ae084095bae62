import { ExportPanel } from '../../components/workspace/ExportPanel';
import { ImportWizard } from '../../components/workspace/ImportWizard';

/** The import / export tab: one chunk, loaded when the tab is first opened. */
export function ImportExport() {
  return <><ImportWizard /><ExportPanel /></>;
}
