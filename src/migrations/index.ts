import * as migration_20261128_144943_initial from './20261128_144943_initial';

export const migrations = [
  {
    up: migration_20261128_144943_initial.up,
    down: migration_20261128_144943_initial.down,
    name: '20261128_144943_initial'
  },
];
