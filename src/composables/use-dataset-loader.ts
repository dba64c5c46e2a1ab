import { useDatasetsStore } from '@/stores/datasets';
import { useRunner } from '@/composables/runner';
import { DatasetLoadError } from '@/data/load/issues';
import { loadDataset, type DatasetFile } from '@/data/load/load-dataset';

/** Loads bundled datasets, uploaded files and URLs; a failed load leaves the loaded data as it was. */
export function useDatasetLoader() {
  const store = useDatasetsStore();
  const runner = useRunner();
  let inFlight: Promise<boolean> = Promise.resolve(true);
  /** The bundled dataset asked for last; a load of the same one is not started twice. */
  let requested: string | null = null;

  async function load(id: string, file: DatasetFile): Promise<boolean> {
    try {
      performance.mark('dataset-load-start');
      // The runner is passed pending: the file is decoded while the engine is still starting.
      const summary = await loadDataset(runner, file);
      performance.mark('dataset-loaded');
      store.markLoaded(id, summary);
      return true;
    } catch (e) {
      if (e instanceof DatasetLoadError) {
        store.markFailed({ file: e.file, issues: e.issues, total: e.total });
      } else {
        store.markFailed({
          file: file.name,
          issues: [{ code: 'unreadable', file: file.name, detail: (e as Error).message }],
          total: 1,
        });
      }
      return false;
    }
  }

  async function fetchFile(url: string, fileName: string): Promise<DatasetFile> {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return { name: fileName, bytes: new Uint8Array(await res.arrayBuffer()) };
  }

  function serial(task: () => Promise<boolean>): Promise<boolean> {
    inFlight = inFlight.then(task, task);
    return inFlight;
  }

  async function loadEntry(id: string): Promise<boolean> {
    const entry = store.entries.find((e) => e.id === id);
    if (!entry?.url) return false;
    if (store.activeId === id && store.status === 'ready') return true;
    if (requested === id) return inFlight;
    requested = id;
    store.status = 'loading';
    const name = entry.fileName ?? id;
    return serial(async () => {
      try {
        if (requested !== id) return false; // a later choice superseded this one
        return await load(id, await fetchFile(entry.url as string, name));
      } catch (e) {
        store.markFailed({
          file: name,
          issues: [{ code: 'unreadable', file: name, detail: (e as Error).message }],
          total: 1,
        });
        return false;
      }
    });
  }

  async function loadUpload(file: File): Promise<boolean> {
    const id = `file:${file.name}`;
    const ok = await serial(async () => load(id, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }));
    if (ok) store.register({ id, fileName: file.name, generated: false });
    return ok;
  }

  async function loadUrl(url: string): Promise<boolean> {
    const fileName = decodeURIComponent(new URL(url, window.location.href).pathname.split('/').pop() || 'dataset.csv');
    return serial(async () => {
      try {
        const ok = await load(`url:${url}`, await fetchFile(url, fileName));
        if (ok) store.register({ id: `url:${url}`, fileName, url, generated: false });
        return ok;
      } catch (e) {
        store.markFailed({
          file: fileName,
          issues: [{ code: 'unreadable', file: fileName, detail: (e as Error).message }],
          total: 1,
        });
        return false;
      }
    });
  }

  return { loadEntry, loadUpload, loadUrl };
}
