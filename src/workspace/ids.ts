/** The ids under which the workspace knows datasets (they appear in links as `ds=`). */
import { DATABASE_PREFIX } from '@/data/load/attach-database';

/** The id under which the population table is kept in the browser. */
export const POPULATION_ID = 'population';

/** The name under which imported reports are appended (messages name it). */
export const APPEND_FILE = 'imported-reports.csv';

export const fileDatasetId = (name: string) => `file:${name}`;

export const urlDatasetId = (url: string) => `url:${url}`;
/** A database file read lazily over HTTP, named by its manifest's URL (`?ds=db:<manifest-url>`). */
export const databaseDatasetId = (manifestUrl: string) => `${DATABASE_PREFIX}${manifestUrl}`;
export const isDatabaseId = (id: string) => id.startsWith(DATABASE_PREFIX) && id.length > DATABASE_PREFIX.length;
