import { describe, expect, it } from 'vitest';
import { handlesRequests, maskAddress, maskApplicant, maskEmail, maskIdNumber, maskName, maskPhone } from '../../electron/core/services/requests-masking.js';

describe('masking applicants’ personal data', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳修', '欧**'],
    ['李', '李'],
    ['', ''],
  ])('name %s → %s', (name, masked) => expect(maskName(name)).toBe(masked));

  it.each([
    ['440882199001011234', '4408**********1234'],
    ['91440800MA4UXXXX1X', '9144**********XX1X'],
    ['12345678', '********'],
  ])('ID number %s → %s', (id, masked) => expect(maskIdNumber(id)).toBe(masked));

  it.each([
    ['13812345678', '138****5678'],
    ['0759-3312345', '075*****2345'],
    ['1234567', '*******'],
  ])('phone %s → %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));

  it('keeps an address to its first six characters and an e-mail to its first letter and domain', () => {
    expect(maskAddress('广东省湛江市雷州市西湖大道1号')).toBe('广东省湛江市****');
    expect(maskAddress('雷州市')).toBe('***');
    expect(maskEmail('zhangsan@example.cn')).toBe('z***@example.cn');
  });

  it('masks a person’s name but not an organisation’s; contact details always; empty stays empty', () => {
    const data = { name: '张三', idNumber: '', phone: '13812345678', address: '', email: '' };
    expect(maskApplicant('natural_person', data)).toEqual({ name: '张*', idNumber: '', phone: '138****5678', address: '', email: '' });
    expect(maskApplicant('business', { ...data, name: '雷州市某公司' }).name).toBe('雷州市某公司');
  });

  it('shows data in full only to officers and approvers', () => {
    expect(handlesRequests(['officer'])).toBe(true);
    expect(handlesRequests(['approver'])).toBe(true);
    expect(handlesRequests(['reviewer', 'admin'])).toBe(false);
  });
});
