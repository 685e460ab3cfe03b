import { describe, expect, it } from 'vitest';
import { chooseEncoding, type Encoding } from '../../server/services/map-points';

describe('chooseEncoding', () => {
  it.each<[string | undefined, Encoding]>([
    [undefined, 'identity'],
    ['', 'identity'],
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['GZIP, BR', 'br'],
    ['deflate', 'identity'],
    ['x-gzip', 'gzip'],
    // q-values rank first, our preference (br > gzip > identity) breaks ties.
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['br;q=0.8, gzip;q=0.8', 'br'],
    ['gzip;q=0.5, identity', 'identity'],
    ['br;q=1.000, gzip;q=1', 'br'],
    ['gzip; q=0.9 , br ;q=0.95', 'br'],
    // identity not named ranks with the least wanted coding named.
    ['br;q=0.5', 'br'],
    ['deflate;q=0.2, gzip;q=0.3', 'gzip'],
    ['deflate, gzip;q=0.3', 'gzip'],
    // q=0 means "not acceptable".
    ['br;q=0', 'identity'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip, br;q=0.000', 'gzip'],
    ['gzip;q=0, br;q=0', 'identity'],
    // * stands for every coding not named.
    ['*', 'br'],
    ['*, br;q=0', 'gzip'],
    ['*;q=0.5, gzip', 'gzip'],
    ['*;q=0', 'identity'],
    ['*;q=0, gzip', 'gzip'],
    // identity can be excluded too; then an allowed coding is chosen.
    ['identity;q=0, gzip;q=0.1', 'gzip'],
    ['*;q=0, identity;q=0', 'identity'],
    ['identity;q=1, *;q=0', 'identity'],
    // Empty list elements are allowed.
    ['gzip, , br', 'br'],
    // Unparseable headers get identity.
    ['br;q=2', 'identity'],
    ['br;q=abc', 'identity'],
    ['br;q=0.5555', 'identity'],
    ['br;level=1', 'identity'],
    ['br gzip', 'identity'],
    ['br;q=', 'identity'],
  ])('answers %j with %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});
