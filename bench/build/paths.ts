// Where the build benchmark keeps its inputs, indexes and figures. It has its
// own folder under bench/.cache: bench:query owns index-100k and rebuilds it
// on its own schedule, so this benchmark never writes there.
import path from 'node:path';
import { CACHE_DIR, PROJECT_ROOT } from '../query/paths';

export const WORK_DIR = path.join(CACHE_DIR, 'build-bench');
export const INPUT_DIR = path.join(WORK_DIR, 'input');
/** The bench corpus under a name of our own: a hard link at first, replaced by an edited copy for the change step. */
export const INPUT_CORPUS = path.join(INPUT_DIR, 'corpus-100k.jsonl.gz');
export const ADDED_FILE = path.join(INPUT_DIR, 'added-100.jsonl');
export const INDEX_DIR = path.join(WORK_DIR, 'index');
/** The index before an incremental step, restored before each repeat so every repeat starts from the same state. */
export const SNAPSHOT_DIR = path.join(WORK_DIR, 'snapshot');
export const OUT_DIR = path.join(PROJECT_ROOT, 'bench', 'build', 'out');
export const CLI = path.join(PROJECT_ROOT, 'index-builder', 'cli.ts');

export const ADDED_COUNT = 100;
export const CHANGED_COUNT = 100;
/** Seeds of which corpus records the added articles are derived from, and which are changed. */
export const ADDED_SEED = 5;
export const CHANGED_SEED = 6;
