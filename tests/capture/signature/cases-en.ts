import type { SigCase } from './cases-zh';

/** English signature fixtures written for Cardfile (fictional people, 555 numbers where possible). */
export const enCases: SigCase[] = [
  {
    name: 'Best regards, T/M/F letters, street address',
    body: 'Hi Bob,\n\nThanks for the call.\n\nBest regards,\nJane Doe\nSenior Account Manager | Acme Widgets Inc.\nT: +1 (415) 555-0132  M: +1 415 555 0199\nF: 415-555-0100\n1200 Market Street, Suite 400\nSan Francisco, CA 94103\njane.doe@acme.com | https://acme.com',
    expect: { name: 'Jane Doe', title: 'Senior Account Manager', company: 'Acme Widgets Inc.', address: '1200 Market Street, Suite 400, San Francisco, CA 94103', emails: ['jane.doe@acme.com'], websites: ['https://acme.com'] },
    phones: [
      { digits: '14155550132', label: 'work', e164: '+14155550132' },
      { digits: '14155550199', label: 'mobile' },
      { digits: '4155550100', label: 'fax', e164: '+14155550100' },
    ],
  },
  {
    name: '-- delimiter, Tel/Mobile words, UK',
    body: 'Please find the invoice attached.\n\n-- \nOliver Smith\nFinance Director\nNorthwind Trading Ltd\nTel: +44 20 7946 0958\nMobile: +44 7700 900123\nwww.northwind.co.uk',
    expect: { name: 'Oliver Smith', title: 'Finance Director', company: 'Northwind Trading Ltd', websites: ['www.northwind.co.uk'] },
    phones: [
      { digits: '442079460958', label: 'work', e164: '+442079460958' },
      { digits: '447700900123', label: 'mobile' },
    ],
  },
  {
    name: 'Thanks, name on the next line, labels after the number',
    body: 'Sounds good, see you Tuesday.\n\nThanks,\nMarcy Brinegar\nMBM Consultants\n(770) 886-6202 (Office)\n(678) 234-7644 (Cell)\n(770) 886-8202 (fax)\nbrinconsult@example.com',
    expect: { name: 'Marcy Brinegar', company: 'MBM Consultants', emails: ['brinconsult@example.com'] },
    phones: [
      { digits: '7708866202', label: 'work', e164: '+17708866202' },
      { digits: '6782347644', label: 'mobile' },
      { digits: '7708868202', label: 'fax' },
    ],
  },
  {
    name: 'title and company on one line split by a comma',
    body: 'Bob -\n\nHere are the agreements.\n\nMark\nSenior Counsel, EWS\nPhone:     713-345-8897\nFacsimile: 713-646-3490\nE-Mail:      mark.greenberg@example.com',
    // A lone first name is not proposed as the name (the header gives the full one).
    expect: { title: 'Senior Counsel', company: 'EWS', emails: ['mark.greenberg@example.com'] },
    phones: [
      { digits: '7133458897', label: 'work' },
      { digits: '7136463490', label: 'fax' },
    ],
  },
  {
    name: 'sender name picks the right line',
    body: 'Attached is the revised schedule.\n\nKind regards\n\nPriya Natarajan\nVP, Business Development\nBlue Harbor Logistics LLC\nDirect: +1 646 555 0143\npriya@blueharbor.example',
    senderName: 'Natarajan, Priya',
    expect: { name: 'Priya Natarajan', title: 'VP, Business Development', company: 'Blue Harbor Logistics LLC', emails: ['priya@blueharbor.example'] },
    phones: [{ digits: '16465550143', label: 'work' }],
  },
  {
    name: 'Cheers with name on the closing line',
    body: 'Works for me.\n\nCheers, Sam\nSam Carter | Lead Engineer | Orbital Robotics GmbH\n+49 30 12345678',
    expect: { name: 'Sam Carter', title: 'Lead Engineer', company: 'Orbital Robotics GmbH' },
    phones: [{ digits: '493012345678', e164: '+493012345678', label: 'other' }],
  },
  {
    name: 'trailing contact block without a closing',
    body: 'The shipment left this morning, tracking to follow.\n\nCarlos Mendez\nOperations Manager\nSunrise Foods Corp.\n555 Harbor Blvd\nLong Beach, CA 90802\nc: 562-555-0177',
    expect: { name: 'Carlos Mendez', title: 'Operations Manager', company: 'Sunrise Foods Corp.', address: '555 Harbor Blvd, Long Beach, CA 90802' },
    phones: [{ digits: '5625550177', label: 'mobile' }],
  },
  {
    name: 'On … wrote: quote below is dropped',
    body: 'Confirmed.\n\nRegards,\nAnna Kowalski\nProcurement Specialist\n\nOn Mon, Mar 4, 2024 at 9:12 AM Dan Reed <dan@example.com> wrote:\n> Can you confirm?\n> Dan Reed\n> Sales Director, Reed Supply Co.\n> Tel: 312-555-0188',
    expect: { name: 'Anna Kowalski', title: 'Procurement Specialist', emails: [] },
    phones: [],
  },
  {
    name: 'Original Message header block is dropped',
    body: 'See my comments inline.\n\nBest,\nTom\n\n-----Original Message-----\nFrom: Lisa Wong [mailto:lisa@example.com]\nSent: Tuesday, May 14, 2024 6:18 AM\nTo: Tom\nSubject: Proposal\n\nLisa Wong\nChief Executive Officer\nWong & Partners LLP\n(212) 555-0199',
    expect: { emails: [] },
    phones: [],
  },
  {
    name: 'French reply header (Le … a écrit :) is dropped',
    body: 'Merci beaucoup !\n\nCordialement,\nClaire Martin\nResponsable commerciale\nTél : +33 1 42 68 53 00\n\nLe 12 mars 2024 à 10:15, Paul Durand <paul@example.fr> a écrit :\n> Bonjour Claire,\n> Paul Durand\n> +33 6 12 34 56 78',
    expect: { name: 'Claire Martin' },
    phones: [{ digits: '33142685300', e164: '+33142685300', label: 'work' }],
  },
  {
    name: 'German quote header (Am … schrieb) is dropped',
    body: 'Danke, passt.\n\nViele Grüße\nJonas Weber\nProjektleiter\nWeber Bau AG\nTel. +49 89 1234 5678\n\nAm 13.12.2023 um 21:11 schrieb Max Muster <max@example.de>:\n> Hallo Jonas,\n> Mobil +49 171 1234567',
    expect: { name: 'Jonas Weber', company: 'Weber Bau AG' },
    phones: [{ digits: '498912345678', label: 'work' }],
  },
  {
    name: 'Sent from my iPhone footer is ignored, signature above it is kept',
    body: 'Yes, go ahead.\n\nThanks,\nRachel Green\nPurchasing Manager, Central Perk Inc.\n917-555-0142\n\nSent from my iPhone',
    expect: { name: 'Rachel Green', title: 'Purchasing Manager', company: 'Central Perk Inc.' },
    phones: [{ digits: '9175550142', label: 'other' }],
  },
];

/** Bodies with no signature: no block, no contact details. */
export const negativeCases: { name: string; body: string }[] = [
  { name: 'plain sentence', body: 'Can we move the meeting to Thursday afternoon? I have a conflict on Wednesday.' },
  { name: '"regards" inside sentences', body: 'I wanted to discuss the issue with regards to the payment processing system.\n\nAs regards the timeline, we should be done by Friday.\n\nIn this regards we need to be careful.' },
  { name: 'Sent from my iPhone only', body: 'Ok, will do.\n\nSent from my iPhone' },
  { name: 'Chinese device footer only', body: '好的，收到。\n\n发自我的iPhone' },
  { name: 'only a quoted reply below', body: 'Agreed.\n\nOn Tue, Jan 9, 2024 at 10:00 AM Bob Lee <bob@example.com> wrote:\n> Bob Lee\n> Tel: +1 415 555 0101\n> bob@example.com' },
  { name: 'forward with nothing of our own', body: '---------- Forwarded message ---------\nFrom: John Smith <john@example.com>\nDate: Mon, Dec 15, 2024 at 3:00 PM\nSubject: Update\nTo: Team <team@example.com>\n\nJohn Smith\nCTO, Example Inc.\n+1 650 555 0111' },
  { name: 'empty', body: '' },
  { name: 'dates and times are not phones', body: 'Here are the dates:\n\n2024-01-15 14:30:25\n15.01.2024 14:30\n01/15/2024 at 2:30 PM' },
];
