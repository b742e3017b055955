// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readConfirmation } from './read-confirmation.ts';

describe('readConfirmation', () => {
  it('should read the admin user next to its label and never the password', () => {
    document.body.innerHTML = `
      <p>Send these to the customer. Contact: it@contoso.example</p>
      <div><span>Admin user account</span><span>admin@contoso.onmicrosoft.com</span><button>Copy</button></div>
      <div><span>Password</span><span>Abc@defg.onmicrosoft.com1</span><button>Copy</button></div>
      <button>Done</button>`;
    expect(readConfirmation(document)).toEqual({ adminUserName: 'admin@contoso.onmicrosoft.com', domain: 'contoso.onmicrosoft.com' });
  });

  it('should read a read-only input holding the user name, in Japanese', () => {
    document.body.innerHTML = '<label for="u">管理者ユーザー アカウント</label><input id="u" readonly value="admin@fabrikam.onmicrosoft.com"><button>完了</button>';
    expect(readConfirmation(document)?.domain).toBe('fabrikam.onmicrosoft.com');
  });

  it('should find nothing on a page without a new sign-in name', () => {
    document.body.innerHTML = '<p>ana@contoso.example</p>';
    expect(readConfirmation(document)).toBeNull();
  });
});
