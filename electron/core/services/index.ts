import type { Ctx } from '../context.js';
import type { CommandName, CommandOutput, ParsedInput } from '../../../shared/contract.js';
import * as setup from './setup.js';
import * as auth from './auth.js';
import * as users from './users.js';
import * as unit from './unit.js';
import * as audit from './audit.js';
import * as system from './system.js';
import * as categories from './categories.js';
import * as catalogue from './catalogue-settings.js';
import * as items from './items.js';
import * as docx from './docx-import.js';
import * as attachments from './attachments.js';
import * as autosave from './autosave.js';
import * as calendar from './calendar.js';
import * as deadlines from './deadlines.js';
import * as interpretations from './interpretations.js';
import * as workflow from './workflow.js';
import * as review from './review.js';
import * as publishing from './publishing.js';

export type Service<K extends CommandName> = (ctx: Ctx, input: ParsedInput<K>) => CommandOutput<K> | Promise<CommandOutput<K>>;

/** One service function per command; the type makes a command without a service a compile error. */
export const services: { [K in CommandName]: Service<K> } = {
  'setup.status': setup.status,
  'setup.complete': setup.complete,
  'auth.login': auth.login,
  'auth.logout': auth.logout,
  'auth.me': auth.me,
  'auth.session': auth.session,
  'auth.lock': auth.lock,
  'auth.unlock': auth.unlock,
  'auth.changePassword': auth.changePassword,
  'auth.setLanguage': auth.setLanguage,
  'users.list': users.list,
  'users.create': users.create,
  'users.update': users.update,
  'users.setDisabled': users.setDisabled,
  'users.resetPassword': users.resetPassword,
  'unit.get': unit.get,
  'unit.update': unit.update,
  'audit.list': audit.list,
  'audit.verify': audit.verify,
  'categories.list': categories.list,
  'categories.save': categories.save,
  'catalogue.settings': catalogue.settings,
  'catalogue.updateSettings': catalogue.updateSettings,
  'items.create': items.create,
  'items.saveDraft': items.saveDraft,
  'items.newEdition': items.newEdition,
  'items.setChangeNote': items.setChangeNote,
  'items.edition': items.edition,
  'items.history': items.history,
  'items.compare': items.compare,
  'items.list': items.list,
  'items.search': items.search,
  'items.importDocx': docx.importDocx,
  'attachments.add': attachments.add,
  'attachments.remove': attachments.remove,
  'attachments.open': attachments.open,
  'attachments.read': attachments.read,
  'autosave.put': autosave.put,
  'autosave.list': autosave.list,
  'autosave.discard': autosave.discard,
  'interpretations.settings': interpretations.settings,
  'interpretations.updateSettings': interpretations.updateSettings,
  'interpretations.link': interpretations.link,
  'interpretations.unlink': interpretations.unlink,
  'workflow.checkSubmit': workflow.checkSubmit,
  'workflow.submit': workflow.submit,
  'review.settings': review.settings,
  'review.updateSettings': review.updateSettings,
  'review.get': review.get,
  'review.answer': review.answer,
  'review.resolveFinding': review.resolveFinding,
  'review.mask': review.mask,
  'review.decide': review.decide,
  'review.exportRecord': review.exportRecord,
  'workflow.returnToDraft': review.returnToDraft,
  'publishing.settings': publishing.settings,
  'publishing.configure': publishing.configure,
  'publishing.approve': publishing.approve,
  'publishing.status': publishing.status,
  'publishing.jobs': publishing.jobs,
  'publishing.withdraw': publishing.withdraw,
  'publishing.retry': publishing.retry,
  'publishing.cancel': publishing.cancel,
  'calendar.years': calendar.years,
  'calendar.import': calendar.importCalendar,
  'calendar.setDay': calendar.setDay,
  'calendar.explain': calendar.explain,
  'dashboard.deadlines': deadlines.deadlines,
  'system.info': system.info,
  'system.checkDatabase': system.checkDatabase,
  'system.backup': system.backup,
};
