import { CLOUD_NAMES } from './clouds.js';
import type { CloudName } from './clouds.js';

/** The cloud a name stands for; global when it names none (files written before clouds were recorded). */
export function cloudOf(name: string | undefined): CloudName {
  return name !== undefined && (CLOUD_NAMES as readonly string[]).includes(name)
    ? (name as CloudName)
    : 'global';
}
