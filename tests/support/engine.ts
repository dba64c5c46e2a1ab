import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createNodeRunner } from '@/data/engine-node';
import type { QueryRunner } from '@/data/query-runner';
import type { DatasetFile } from '@/data/load/load-dataset';

export const fixturePath = (rel: string) => fileURLToPath(new URL(`../fixtures/${rel}`, import.meta.url));
export const projectPath = (rel: string) => fileURLToPath(new URL(`../../${rel}`, import.meta.url));

export function fixtureFile(rel: string): DatasetFile {
  return { name: rel.split('/').pop() as string, bytes: new Uint8Array(readFileSync(fixturePath(rel))) };
}

export function textFile(name: string, text: string): DatasetFile {
  return { name, bytes: new TextEncoder().encode(text) };
}

/** One DuckDB-WASM instance per test file: instantiation takes most of a second. */
export async function freshRunner(): Promise<QueryRunner> {
  return createNodeRunner();
}
