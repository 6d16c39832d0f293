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
import * as siteSettings from './site-settings.js';
import * as requests from './requests.js';
import * as offlinePackage from './offline-package.js';
import * as demoSite from '../sync/demo-site.js';
// 告知书与登记簿
import * as letters from './letters.js';
import * as complaints from './complaints.js';
import * as appeals from './appeals.js';
import * as annualReport from './annual-report.js';
// 工作台 dashboard figures and the demo data sets
import * as dashboard from './dashboard.js';
import * as demo from './demo.js';

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
  'publishing.exportPackage': offlinePackage.exportPackage,
  'publishing.demoSite': demoSite.demoSite,
  'publishing.useDemoSite': demoSite.useDemoSite,
  'publishing.websiteLink': publishing.websiteLink,
  'publishing.published': publishing.published,
  'publishing.network': siteSettings.network,
  'publishing.setNetwork': siteSettings.setNetwork,
  'publishing.testConnection': siteSettings.testConnection,
  'calendar.years': calendar.years,
  'calendar.import': calendar.importCalendar,
  'calendar.setDay': calendar.setDay,
  'calendar.explain': calendar.explain,
  'dashboard.deadlines': deadlines.deadlines,
  // 工作台 dashboard figures and the demo data sets
  'dashboard.summary': dashboard.summary,
  'demo.load': demo.load,
  // 依申请公开 requests
  'requests.list': requests.list,
  'requests.get': requests.get,
  'requests.register': requests.register,
  'requests.recordEvent': requests.recordEvent,
  'requests.close': requests.close,
  'requests.explainDue': requests.explainDue,
  'requests.deadlines': requests.deadlines,
  'requests.addAttachment': requests.addAttachment,
  'requests.readAttachment': requests.readAttachment,
  'system.info': system.info,
  'system.checkDatabase': system.checkDatabase,
  'system.backup': system.backup,
  'system.backups': system.backups,
  'system.restore': system.restore,
  // 告知书与登记簿
  'requests.letter': letters.letter,
  'letters.kinds': letters.kinds,
  'letters.templates': letters.templates,
  'letters.saveTemplate': letters.saveTemplate,
  'letters.resetTemplate': letters.resetTemplate,
  'letters.saveSettings': letters.saveSettings,
  'complaints.list': complaints.list,
  'complaints.create': complaints.create,
  'complaints.update': complaints.update,
  'complaints.setReplyWorkdays': complaints.setReplyWorkdays,
  'appeals.list': appeals.list,
  'appeals.create': appeals.create,
  'appeals.update': appeals.update,
  // 年度报告 annual report
  'report.get': annualReport.get,
  'report.sources': annualReport.sources,
  'report.saveNarrative': annualReport.saveNarrative,
  'report.saveEntered': annualReport.saveEntered,
  'report.export': annualReport.exportReport,
  'report.download': annualReport.download,
  'report.diff': annualReport.diff,
  'report.createItem': annualReport.createReportItem,
};
