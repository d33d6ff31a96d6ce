import * as migration_20261128_144943_initial from './20261128_144943_initial';
import * as migration_20261128_150031_search_index from './20261128_150031_search_index';
import * as migration_20261128_162425_forms from './20261128_162425_forms';
import * as migration_20261128_163730_autosave from './20261128_163730_autosave';
import * as migration_20261128_200353_locales_parent_index from './20261128_200353_locales_parent_index';
import * as migration_20261128_204628_meetings_list_index from './20261128_204628_meetings_list_index';
import * as migration_20261128_223012_meetings_import_fields from './20261128_223012_meetings_import_fields';
import * as migration_20261129_011654_users_disabled_readers_api_keys from './20261129_011654_users_disabled_readers_api_keys';
import * as migration_20261204_170051_login_limits_per_address from './20261204_170051_login_limits_per_address';
import * as migration_20261204_172037_embargo from './20261204_172037_embargo';
import * as migration_20261204_183433_labels_translation_authors from './20261204_183433_labels_translation_authors';
import * as migration_20261204_204753_submission_sender from './20261204_204753_submission_sender';
import * as migration_20261205_060847_photos_object_storage from './20261205_060847_photos_object_storage';
import * as migration_20261205_101126_import_confirmation from './20261205_101126_import_confirmation';
import * as migration_20261205_131849_editions from './20261205_131849_editions';
import * as migration_20261205_142227_documents_redirects from './20261205_142227_documents_redirects';
import * as migration_20261205_143213_news_jobs from './20261205_143213_news_jobs';
import * as migration_20261205_172510_partner_changes from './20261205_172510_partner_changes';

export const migrations = [
  {
    up: migration_20261128_144943_initial.up,
    down: migration_20261128_144943_initial.down,
    name: '20261128_144943_initial',
  },
  {
    up: migration_20261128_150031_search_index.up,
    down: migration_20261128_150031_search_index.down,
    name: '20261128_150031_search_index',
  },
  {
    up: migration_20261128_162425_forms.up,
    down: migration_20261128_162425_forms.down,
    name: '20261128_162425_forms',
  },
  {
    up: migration_20261128_163730_autosave.up,
    down: migration_20261128_163730_autosave.down,
    name: '20261128_163730_autosave',
  },
  {
    up: migration_20261128_200353_locales_parent_index.up,
    down: migration_20261128_200353_locales_parent_index.down,
    name: '20261128_200353_locales_parent_index',
  },
  {
    up: migration_20261128_204628_meetings_list_index.up,
    down: migration_20261128_204628_meetings_list_index.down,
    name: '20261128_204628_meetings_list_index',
  },
  {
    up: migration_20261128_223012_meetings_import_fields.up,
    down: migration_20261128_223012_meetings_import_fields.down,
    name: '20261128_223012_meetings_import_fields',
  },
  {
    up: migration_20261129_011654_users_disabled_readers_api_keys.up,
    down: migration_20261129_011654_users_disabled_readers_api_keys.down,
    name: '20261129_011654_users_disabled_readers_api_keys',
  },
  {
    up: migration_20261204_170051_login_limits_per_address.up,
    down: migration_20261204_170051_login_limits_per_address.down,
    name: '20261204_170051_login_limits_per_address',
  },
  {
    up: migration_20261204_172037_embargo.up,
    down: migration_20261204_172037_embargo.down,
    name: '20261204_172037_embargo',
  },
  {
    up: migration_20261204_183433_labels_translation_authors.up,
    down: migration_20261204_183433_labels_translation_authors.down,
    name: '20261204_183433_labels_translation_authors',
  },
  {
    up: migration_20261204_204753_submission_sender.up,
    down: migration_20261204_204753_submission_sender.down,
    name: '20261204_204753_submission_sender',
  },
  {
    up: migration_20261205_060847_photos_object_storage.up,
    down: migration_20261205_060847_photos_object_storage.down,
    name: '20261205_060847_photos_object_storage',
  },
  {
    up: migration_20261205_101126_import_confirmation.up,
    down: migration_20261205_101126_import_confirmation.down,
    name: '20261205_101126_import_confirmation',
  },
  {
    up: migration_20261205_131849_editions.up,
    down: migration_20261205_131849_editions.down,
    name: '20261205_131849_editions',
  },
  {
    up: migration_20261205_142227_documents_redirects.up,
    down: migration_20261205_142227_documents_redirects.down,
    name: '20261205_142227_documents_redirects',
  },
  {
    up: migration_20261205_143213_news_jobs.up,
    down: migration_20261205_143213_news_jobs.down,
    name: '20261205_143213_news_jobs',
  },
  {
    up: migration_20261205_172510_partner_changes.up,
    down: migration_20261205_172510_partner_changes.down,
    name: '20261205_172510_partner_changes'
  },
];
