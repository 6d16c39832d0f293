/**
 * zh-CN is the source dictionary: every UI string lives here first. Keys are grouped by area.
 * `{name}` marks a parameter. Error messages are `error.<code>` for each code in shared/errors.ts.
 */
export const zhCN = {
  'app.name': '政务公开工作台',
  'app.name_en': 'Gongkai Desk',

  'error.api.unknown_command': '未知的操作：{name}',
  'error.api.invalid_input': '输入有误，请检查：{fields}',
  'error.api.internal': '系统内部错误，操作未完成，已保存的数据未受影响。请重试或联系管理员。',
  'error.api.bad_origin': '请求来源不被允许。',
  'error.api.bad_token': '访问令牌无效，请使用启动时给出的完整地址打开本程序。',
  'error.api.bad_host': '请求的主机名不被允许。',
  'error.api.payload_too_large': '提交的内容过大。',
  'error.auth.required': '请先登录。',
  'error.auth.forbidden': '您没有执行此操作的权限（需要角色：{roles}）。',
  'error.auth.session_locked': '屏幕已锁定，请输入密码解锁。',
  'error.auth.login_failed': '用户名或密码错误。',
  'error.auth.account_locked': '密码错误次数过多，账号已锁定，请在 {minutes} 分钟后重试或联系管理员。',
  'error.auth.account_disabled': '该账号已停用，请联系管理员。',
  'error.auth.wrong_password': '密码错误。',
  'error.auth.password_too_weak': '密码至少 8 位，且须同时包含字母和数字。',
  'error.setup.already_done': '本单位已完成初始设置。',
  'error.setup.required': '请先完成初始设置。',
  'error.unit.invalid_code': '机构代码无效：请输入 9 位组织机构代码或 18 位统一社会信用代码（含校验位）。',
  'error.users.username_taken': '用户名“{username}”已被使用。',
  'error.users.not_found': '找不到该用户。',
  'error.users.last_admin': '至少需要保留一名启用状态的管理员。',
  'error.users.cannot_disable_self': '不能停用自己的账号。',
  'error.db.corrupt': '数据库文件已损坏（{detail}）。请从备份恢复，或联系技术人员。',
  'error.db.newer_schema': '数据库由更新版本的程序创建（版本 {found}，本程序支持 {supported}），请升级程序。',
  'error.backup.exists': '目标文件已存在：{file}',
  'error.backup.failed': '备份失败：{detail}',
} as const;

export type MessageKey = keyof typeof zhCN;
