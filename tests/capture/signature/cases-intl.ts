import type { SigCase } from './cases-zh';

/**
 * French, German, Spanish, Portuguese, Italian and Japanese signatures written for Cardfile
 * (fictional people and companies, in the layouts real business mail uses).
 */
export const intlCases: Array<SigCase & { region?: string; senderEmail?: string }> = [
  {
    name: 'fr: Cordialement, SARL, Tél./Portable without +, rue + CP ville',
    body: 'Bonjour Monsieur Wang,\n\nVeuillez trouver ci-joint notre commande.\n\nCordialement,\n\nSophie Martin\nResponsable des achats\nMartin Distribution SARL\n12 rue de la République\n69002 Lyon\nTél. : 04 78 92 15 30\nPortable : 06 04 65 83 40\nsophie.martin@martin-distribution.fr',
    expect: { name: 'Sophie Martin', title: 'Responsable des achats', company: 'Martin Distribution SARL', address: '12 rue de la République, 69002 Lyon', emails: ['sophie.martin@martin-distribution.fr'] },
    phones: [
      { digits: '0478921530', label: 'work', e164: '+33478921530' },
      { digits: '0604658340', label: 'mobile', e164: '+33604658340' },
    ],
  },
  {
    name: 'fr: Bien à vous, +33 (0)1 …, S.A., avenue, Cedex',
    body: 'Merci pour votre retour.\n\nBien à vous,\nJean-Pierre Dubois\nDirecteur commercial export\nLumière Industries S.A.\n45, avenue des Champs-Élysées\n75008 Paris Cedex\nTél : +33 (0)1 42 68 53 00\nwww.lumiere-industries.fr',
    expect: { name: 'Jean-Pierre Dubois', title: 'Directeur commercial export', company: 'Lumière Industries S.A.', websites: ['www.lumiere-industries.fr'] },
    phones: [{ digits: '330142685300', label: 'work', e164: '+33142685300' }],
  },
  {
    name: 'de: Mit freundlichen Grüßen, GmbH, Handy, …straße',
    body: 'Sehr geehrter Herr Li,\n\nanbei unser Angebot.\n\nMit freundlichen Grüßen\n\nThomas Müller\nVertriebsleiter\nMüller Maschinenbau GmbH\nIndustriestraße 12\n70565 Stuttgart\nTel.: 0711 123456-0\nHandy: 0171 2345678\nthomas.mueller@mueller-maschinenbau.de',
    expect: { name: 'Thomas Müller', title: 'Vertriebsleiter', company: 'Müller Maschinenbau GmbH', address: 'Industriestraße 12, 70565 Stuttgart' },
    phones: [
      { digits: '07111234560', label: 'work' },
      { digits: '01712345678', label: 'mobile', e164: '+491712345678' },
    ],
  },
  {
    name: 'es: Saludos cordiales, S.L., Móvil, Calle',
    body: 'Hola Sr. Chen,\n\nLe confirmo el pedido.\n\nSaludos cordiales,\nMaría García López\nGerente de Compras\nDistribuciones Iberia S.L.\nCalle de Alcalá 120\n28009 Madrid\nTeléfono: 915 123 456\nMóvil: 612 345 678',
    expect: { name: 'María García López', title: 'Gerente de Compras', company: 'Distribuciones Iberia S.L.', address: 'Calle de Alcalá 120, 28009 Madrid' },
    phones: [
      { digits: '915123456', label: 'work', e164: '+34915123456' },
      { digits: '612345678', label: 'mobile', e164: '+34612345678' },
    ],
  },
  {
    name: 'pt: Atenciosamente, Ltda, Celular, Rua, CEP',
    body: 'Prezado Sr. Zhang,\n\nSegue a cotação.\n\nAtenciosamente,\nJoão Pereira\nDiretor Comercial\nComércio Atlântico Ltda.\nRua Augusta 1500\n01310-100 São Paulo - SP\nCelular: (11) 98765-4321',
    expect: { name: 'João Pereira', title: 'Diretor Comercial', company: 'Comércio Atlântico Ltda.' },
    phones: [{ digits: '11987654321', label: 'mobile', e164: '+5511987654321' }],
  },
  {
    name: 'it: Cordiali saluti, S.p.A., Cellulare, Via',
    body: 'Gentile Sig. Liu,\n\nin allegato la nostra offerta.\n\nCordiali saluti,\nMarco Rossi\nResponsabile Vendite\nTessitura Lombarda S.p.A.\nVia Roma 25\n20121 Milano (MI)\nTel. 02 8765 4321\nCellulare 347 123 4567',
    expect: { name: 'Marco Rossi', title: 'Responsabile Vendite', company: 'Tessitura Lombarda S.p.A.' },
    phones: [
      { digits: '0287654321', label: 'work', e164: '+390287654321' },
      { digits: '3471234567', label: 'mobile', e164: '+393471234567' },
    ],
  },
  {
    name: 'ja: よろしくお願いいたします, 株式会社, 携帯, 〒',
    body: '王様\n\nお見積りをお送りします。\n\nよろしくお願いいたします。\n\n山田 太郎\n営業部 課長\n株式会社サクラ商事\n〒100-0005 東京都千代田区丸の内1-2-3\nTEL: 03-1234-5678\n携帯: 090-1234-5678',
    expect: { company: '株式会社サクラ商事' },
    phones: [
      { digits: '0312345678', label: 'work', e164: '+81312345678' },
      { digits: '09012345678', label: 'mobile', e164: '+819012345678' },
    ],
  },
];

/** Company lines without a legal form, recognised because they spell the mail or web domain. */
export const domainCompanyCases: Array<[string, string, string]> = [
  ['Merci.\n\nCordialement,\nClaire Petit\nChargée d\'affaires\nLumière Distribution\nTél. : 01 42 68 53 00\nclaire.petit@lumiere-distribution.fr', 'claire.petit@lumiere-distribution.fr', 'Lumière Distribution'],
  ['Thanks,\n\nDan Wu\nAccount Manager\nBrightline\n+1 312 555 0100\nwww.brightline.example', 'dan@brightline.example', 'Brightline'],
];
