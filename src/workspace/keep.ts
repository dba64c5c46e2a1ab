/**
 * Files kept in the browser so that a user's own data survives a reload or a browser restart:
 * the Origin Private File System where the browser has it, IndexedDB where it does not, and a
 * memory store for tests. A dataset is kept as its original bytes plus the files of reports
 * appended to it; nothing else (the engine's table is rebuilt from them on load).
 */

export interface KeptDataset {
  /** The workspace's id of the dataset (`file:name`, or a bundled id for appended reports only). */
  readonly id: string;
  readonly fileName: string;
  /** When it was first loaded (ISO 8601). */
  readonly loadedAt: string;
  /** Whether the original bytes are kept (false: only reports appended to a bundled dataset). */
  readonly hasFile: boolean;
  /** How many appended files are kept, in order, and the reports they hold. */
  readonly appends: number;
  readonly appendedReports: number;
  readonly bytes: number;
}

export interface KeptStore {
  /** Where things are kept, for the page to say ("opfs", "indexeddb", "memory"). */
  readonly kind: string;
  list(): Promise<KeptDataset[]>;
  readFile(id: string): Promise<Uint8Array>;
  readAppends(id: string): Promise<Uint8Array[]>;
  putFile(meta: KeptDataset, bytes: Uint8Array): Promise<void>;
  putAppend(id: string, index: number, bytes: Uint8Array, meta: KeptDataset): Promise<void>;
  forget(id: string): Promise<void>;
  /** Bytes used by this origin, and the quota, where the browser says. */
  usage(): Promise<{ used: number; quota: number } | null>;
}

/** For tests and for browsers that keep nothing (the page then says data lasts this session only). */
export function memoryStore(): KeptStore {
  const metas = new Map<string, KeptDataset>();
  const files = new Map<string, Uint8Array>();
  const appends = new Map<string, Uint8Array[]>();
  return {
    kind: 'memory',
    list: async () => [...metas.values()],
    readFile: async (id) => {
      const b = files.get(id);
      if (!b) throw new Error(`nothing kept under ${id}`);
      return b;
    },
    readAppends: async (id) => appends.get(id) ?? [],
    putFile: async (meta, bytes) => {
      metas.set(meta.id, meta);
      files.set(meta.id, bytes);
    },
    putAppend: async (id, index, bytes, meta) => {
      const list = appends.get(id) ?? [];
      list[index] = bytes;
      appends.set(id, list);
      metas.set(id, meta);
    },
    forget: async (id) => {
      metas.delete(id);
      files.delete(id);
      appends.delete(id);
    },
    usage: async () => null,
  };
}

/** A file name safe in any store for an id (ids hold ':' and whatever a file was called). */
const slot = (id: string) => encodeURIComponent(id).replace(/\./g, '%2E');

/** The Origin Private File System: one folder per dataset, `meta.json`, `file`, `append-N`. */
async function opfsStore(root: FileSystemDirectoryHandle): Promise<KeptStore> {
  const top = await root.getDirectoryHandle('kept-datasets', { create: true });
  const dir = (id: string, create = false) => top.getDirectoryHandle(slot(id), { create });
  const read = async (d: FileSystemDirectoryHandle, name: string) =>
    new Uint8Array(await (await (await d.getFileHandle(name)).getFile()).arrayBuffer());
  const write = async (d: FileSystemDirectoryHandle, name: string, bytes: Uint8Array) => {
    const w = await (await d.getFileHandle(name, { create: true })).createWritable();
    await w.write(bytes as Uint8Array<ArrayBuffer>);
    await w.close();
  };
  const writeMeta = (d: FileSystemDirectoryHandle, meta: KeptDataset) =>
    write(d, 'meta.json', new TextEncoder().encode(JSON.stringify(meta)));
  return {
    kind: 'opfs',
    async list() {
      const out: KeptDataset[] = [];
      for await (const [, handle] of top as unknown as AsyncIterable<[string, FileSystemHandle]>) {
        if (handle.kind !== 'directory') continue;
        try {
          const meta = JSON.parse(
            new TextDecoder().decode(await read(handle as FileSystemDirectoryHandle, 'meta.json')),
          );
          out.push(meta as KeptDataset);
        } catch {
          // A folder without a readable meta.json is a write that did not finish: not a dataset.
        }
      }
      return out.sort((a, b) => a.loadedAt.localeCompare(b.loadedAt));
    },
    readFile: async (id) => read(await dir(id), 'file'),
    async readAppends(id) {
      const d = await dir(id);
      const meta = JSON.parse(new TextDecoder().decode(await read(d, 'meta.json'))) as KeptDataset;
      return Promise.all(Array.from({ length: meta.appends }, (_, i) => read(d, `append-${i}`)));
    },
    async putFile(meta, bytes) {
      const d = await dir(meta.id, true);
      await write(d, 'file', bytes);
      await writeMeta(d, meta); // last: a folder with meta.json is complete
    },
    async putAppend(id, index, bytes, meta) {
      const d = await dir(id, true);
      await write(d, `append-${index}`, bytes);
      await writeMeta(d, meta);
    },
    forget: async (id) => top.removeEntry(slot(id), { recursive: true }).catch(() => undefined),
    usage,
  };
}

async function usage(): Promise<{ used: number; quota: number } | null> {
  const e = await navigator.storage?.estimate?.();
  return e && e.usage !== undefined && e.quota !== undefined ? { used: e.usage, quota: e.quota } : null;
}

/** IndexedDB: one object store of records keyed `meta:id`, `file:id`, `append:id:N`. */
async function indexedDbStore(): Promise<KeptStore> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('disclosure-dashboard', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('kept');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
  const run = <T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      const tx = db.transaction('kept', mode);
      const req = fn(tx.objectStore('kept'));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
    });
  const get = async (key: string) => {
    const v = await run<unknown>('readonly', (s) => s.get(key));
    if (v === undefined) throw new Error(`nothing kept under ${key}`);
    return v;
  };
  return {
    kind: 'indexeddb',
    async list() {
      const keys = (await run('readonly', (s) => s.getAllKeys())) as string[];
      const metas = await Promise.all(keys.filter((k) => k.startsWith('meta:')).map((k) => get(k)));
      return (metas as KeptDataset[]).sort((a, b) => a.loadedAt.localeCompare(b.loadedAt));
    },
    readFile: async (id) => (await get(`file:${id}`)) as Uint8Array,
    async readAppends(id) {
      const meta = (await get(`meta:${id}`)) as KeptDataset;
      return Promise.all(Array.from({ length: meta.appends }, (_, i) => get(`append:${id}:${i}`))) as Promise<
        Uint8Array[]
      >;
    },
    async putFile(meta, bytes) {
      await run('readwrite', (s) => s.put(bytes, `file:${meta.id}`));
      await run('readwrite', (s) => s.put(meta, `meta:${meta.id}`));
    },
    async putAppend(id, index, bytes, meta) {
      await run('readwrite', (s) => s.put(bytes, `append:${id}:${index}`));
      await run('readwrite', (s) => s.put(meta, `meta:${id}`));
    },
    async forget(id) {
      const keys = (await run('readonly', (s) => s.getAllKeys())) as string[];
      const mine = keys.filter((k) => k === `meta:${id}` || k === `file:${id}` || k.startsWith(`append:${id}:`));
      for (const k of mine) await run('readwrite', (s) => s.delete(k));
    },
    usage,
  };
}

/** The best store this browser offers: OPFS, else IndexedDB, else memory (kept for this session only). */
export async function browserStore(): Promise<KeptStore> {
  try {
    const root = await settleWithin(navigator.storage?.getDirectory?.());
    if (root) return await opfsStore(root);
  } catch {
    // OPFS refused (private mode in some browsers): try IndexedDB.
  }
  try {
    // In a third-party frame (an embed) IndexedDB can wait forever rather than refuse: give up after a while.
    const idb = typeof indexedDB !== 'undefined' ? await settleWithin(indexedDbStore()) : undefined;
    if (idb) return idb;
  } catch {
    // IndexedDB refused too.
  }
  return memoryStore();
}

/** A storage call that neither answers nor fails would hold up every load: refuse it after `ms`. */
function settleWithin<T>(p: Promise<T> | undefined, ms = 3000): Promise<T | undefined> {
  if (!p) return Promise.resolve(undefined);
  return Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('storage did not answer')), ms)),
  ]);
}
