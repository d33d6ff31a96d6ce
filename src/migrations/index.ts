import * as migration_20261128_134431_initial from './20261128_134431_initial';

export const migrations = [
  {
    up: migration_20261128_134431_initial.up,
    down: migration_20261128_134431_initial.down,
    name: '20261128_134431_initial'
  },
];
