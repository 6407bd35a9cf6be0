import { expect } from '@open-wc/testing';
import { server, SoftphoneHarness, T0 } from '../../support/softphone-harness.js';

const STATUS_BUTTON = /^Status: /;

describe('status bar', () => {
  it('shows the status, its icon and the time in it, counting with the clock', async () => {
    const h = await SoftphoneHarness.loggedOn();
    const bar = h.get({ role: 'region', name: 'My Status' });
    expect(bar.textContent).to.contain('Available');
    expect(bar.textContent).to.contain('00:01:00');
    expect(h.button(STATUS_BUTTON).getAttribute('aria-label')).to.equal('Status: Available. Change status');
    await h.tick(65_000);
    expect(h.get({ role: 'region', name: 'My Status' }).textContent).to.contain('00:02:05');
  });

  it('shows a change the server reports (a supervisor) at once', async () => {
    const h = await SoftphoneHarness.loggedOn();
    await h.tick(5_000);
    await h.feed(server.myStatus('At Lunch', h.now));
    const bar = h.get({ role: 'region', name: 'My Status' });
    expect(bar.textContent).to.contain('At Lunch');
    expect(bar.textContent).to.contain('00:00:00');
  });

  it('lists only selectable statuses the agent may use, with search', async () => {
    const h = await SoftphoneHarness.loggedOn();
    await h.click(STATUS_BUTTON);
    expect(h.has({ role: 'dialog', name: 'Change Status' })).to.equal(true);
    const names = () => h.queryAll({ role: 'button', within: 'Statuses' }).map((b) => b.textContent?.trim());
    expect(names().filter((n) => n !== '')).to.deep.equal([
      'Available',
      'Available, Forward',
      'At Lunch',
      'Out of the Office',
    ]);
    await h.type('Search Statuses', 'lun');
    expect(names().filter((n) => n !== '')).to.deep.equal(['At Lunch']);
    expect(h.a11yProblems()).to.deep.equal([]);
  });

  it('sets a status from the list; the bar follows what the server confirms', async () => {
    const h = await SoftphoneHarness.loggedOn();
    await h.click(STATUS_BUTTON);
    await h.click({ role: 'button', name: 'At Lunch', within: 'Statuses' });
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.setStatus', statusId: 'At Lunch' });
    expect(h.effectsOf('cic.setStatus')[0]).to.include({ statusId: 'At Lunch' });
    expect(h.has({ role: 'dialog' })).to.equal(false);
    expect(h.text()).to.contain('Changing to At Lunch…');
    await h.feed(server.myStatus('At Lunch', h.now));
    expect(h.button(STATUS_BUTTON).getAttribute('aria-label')).to.equal('Status: At Lunch. Change status');
    expect(h.text()).to.not.contain('Changing to');
  });

  it('stars favourites, which appear as buttons above the list', async () => {
    const h = await SoftphoneHarness.loggedOn();
    await h.click(STATUS_BUTTON);
    const star = h.button('Add At Lunch to favorites');
    expect(star.getAttribute('aria-pressed')).to.equal('false');
    await h.clickElement(star);
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.toggleFavourite', statusId: 'At Lunch' });
    expect(h.effectsOf('storage.saveUserPrefs')[0]?.prefs.favourites).to.deep.equal(['At Lunch']);
    expect(h.button('Remove At Lunch from favorites').getAttribute('aria-pressed')).to.equal('true');
    await h.click({ role: 'button', name: 'At Lunch', within: 'Favorite statuses' });
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.setStatus', statusId: 'At Lunch' });
  });

  it('asks for the forward number before setting a forward status', async () => {
    const h = await SoftphoneHarness.loggedOn();
    await h.feed({
      kind: 'obs.status.previous',
      entries: [{ statusId: 'Available, Forward', notes: 'Cell', forwardNumber: '' }],
    });
    await h.click(STATUS_BUTTON);
    await h.click({ role: 'button', name: 'Available, Forward', within: 'Statuses' });
    expect(h.intents.some((i) => i.kind === 'intent.setStatus')).to.equal(false);
    expect(h.has({ role: 'dialog', name: 'Status Details: Available, Forward' })).to.equal(true);
    expect((h.get({ name: 'Notes' }) as HTMLTextAreaElement).value).to.equal('Cell');
    expect(h.has({ name: 'Until Date' })).to.equal(false);

    await h.click('Save');
    expect(h.get({ role: 'textbox', name: 'Forward Number' }).getAttribute('aria-invalid')).to.equal('true');
    expect(h.text()).to.contain('Enter the number to forward calls to.');
    expect(h.intents.some((i) => i.kind === 'intent.setStatus')).to.equal(false);

    await h.type('Forward Number', '+13175550100');
    await h.click('Save');
    expect(h.lastIntent()).to.deep.equal({
      kind: 'intent.setStatus',
      statusId: 'Available, Forward',
      notes: 'Cell',
      forwardNumber: '+13175550100',
    });
    expect(h.has({ role: 'dialog' })).to.equal(false);
  });

  it('sets notes and an until date and time from Status Details', async () => {
    const h = await SoftphoneHarness.loggedOn();
    await h.feed(server.myStatus('Out of the Office', T0));
    await h.click('Status Details');
    expect(h.has({ role: 'dialog', name: 'Status Details: Out of the Office' })).to.equal(true);
    await h.type('Notes', 'Back Monday');
    const date = h.get({ name: 'Until Date' }) as HTMLInputElement;
    const time = h.get({ name: 'Until Time' }) as HTMLInputElement;
    expect(date.type).to.equal('date');
    date.value = '2024-01-22';
    date.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    time.value = '09:30';
    time.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await h.settle();
    await h.click('Save');
    expect(h.lastIntent()).to.deep.equal({
      kind: 'intent.setStatus',
      statusId: 'Out of the Office',
      notes: 'Back Monday',
      until: { at: new Date(2024, 0, 22, 9, 30).getTime(), hasDate: true, hasTime: true },
    });
  });

  it('Esc closes the status list without changing anything', async () => {
    const h = await SoftphoneHarness.loggedOn();
    await h.click(STATUS_BUTTON);
    await h.press('Escape');
    expect(h.has({ role: 'dialog' })).to.equal(false);
    expect(h.intents).to.deep.equal([]);
    expect(h.focused()?.getAttribute('aria-label')).to.match(STATUS_BUTTON);
  });
});
