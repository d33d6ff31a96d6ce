import * as migration_20261128_144943_initial from './20261128_144943_initial';
import * as migration_20261128_150031_search_index from './20261128_150031_search_index';

export const migrations = [
  {
    up: migration_20261128_144943_initial.up,
    down: migration_20261128_144943_initial.down,
    name: '20261128_144943_initial',
  },
  {
    up: migration_20261128_150031_search_index.up,
    down: migration_20261128_150031_search_index.down,
    name: '20261128_150031_search_index'
  },
];
