/** A scan check → the problems (提醒, never errors) the report lists for the file. */
import { warning, type Problem } from '../core/problem.js';
import type { ScanCheck } from './check.js';

export function scanProblems(scan: ScanCheck): Problem[] {
  if (scan.seal === 'found') return [];
  if (scan.seal === 'notFound') return [warning('scan.noSeal', { pages: scan.pages })];
  switch (scan.reason) {
    case 'grayscale':
      return [warning('scan.grayscale')];
    case 'noColour':
      return [warning('scan.noColour')];
    case 'bilevel':
      return [warning('scan.bilevel', { encoding: scan.encoding ?? '' })];
    case 'notScanned':
      return [warning('scan.notScanned')];
    default:
      return [warning('scan.undecodable', { encoding: scan.encoding ?? '?' })];
  }
}

/** A photo that looks like a sheet of paper, without a seal, that nothing could read: say that nobody can tell. */
export function photoProblems(scan: ScanCheck): Problem[] {
  return scan.form === 'unknown' ? [warning('roll.photo.cannotTell')] : [];
}
