import { describe, expect, it } from 'vitest';
import { departmentOfConstituency } from './france-departments.ts';
import { parseFranceLegislatives } from './france-legislatives.ts';
import { parseLeanDistricts, parseLeanStates } from './partisan-lean.ts';

describe('538 partisan lean', () => {
  it('drops the byte-order mark and codes single-seat states at-large', () => {
    const bundle = parseLeanDistricts(
      '\uFEFFdistrict,2021\nAK-1,-14.62028\nMT-1,-21.5\nAL-1,-31.93851\nAL-2,-29.1\n',
      'fixture-districts.csv',
      2021,
    );
    expect(bundle.units.map((u) => [u.jurisdiction, u.publishedLean])).toEqual([
      ['congressional_district:AK-AL', -14.62028],
      ['congressional_district:MT-AL', -21.5],
      ['congressional_district:AL-1', -31.93851],
      ['congressional_district:AL-2', -29.1],
    ]);
    expect(bundle.issues.map((i) => `${i.resolution} ${i.code} ${i.subject}`)).toEqual([
      'noted file.byte_order_mark fixture-districts.csv',
      'mapped lean.at_large AK-1',
      'mapped lean.at_large MT-1',
    ]);
  });

  it('keeps MT-1 a district when the file gives Montana two seats (2022)', () => {
    const bundle = parseLeanDistricts('district,2022\nMT-1,-10\nMT-2,-20\n', 'fixture.csv', 2022);
    expect(bundle.units.map((u) => u.jurisdiction)).toEqual([
      'congressional_district:MT-1',
      'congressional_district:MT-2',
    ]);
  });

  it('joins states by full name, DC included, and lists an unknown name', () => {
    const bundle = parseLeanStates(
      'state,2022\nAlabama,-29.17974\nDistrict of Columbia,75.2\nAtlantis,3\n',
      'fixture.csv',
      2022,
    );
    expect(bundle.units.map((u) => u.jurisdiction)).toEqual(['state:01', 'state:11']);
    expect(bundle.issues).toContainEqual(
      expect.objectContaining({ resolution: 'unmapped', subject: 'Atlantis', row: 4 }),
    );
  });
});

describe('French legislative elections 2024, round 1', () => {
  const header =
    'Departement,CodCirElec,LibCirElec,NbSap,NbSiePourvus,Inscrits,Abstentions,Votants,Blancs,Nuls,Exprimes,Abstentions_RapportInscrits,Votants_RapportInscrits,Blancs_RapportInscrits,Blancs_RapportVotants,Nuls_RapportInscrits,Nuls_RapportVotants,Exprimes_RapportInscrits,Exprimes_RapportVotants,NumPanneauCand,NomPsn,PrenomPsn,CivilitePsn,CodNuaCand,LibNuaCand,NbVoix,RapportExprimes,RapportInscrits,Elu';
  const circ = (dept: string, code: string, exprimes: number) =>
    `${dept},${code},1ère circonscription,1,0,1000,200,800,10,${790 - exprimes},${exprimes},"20","80","1","1,25","0","0","79","98,75"`;
  const bundle = parseFranceLegislatives(
    [
      header,
      `${circ('01', '0101', 600)},1,LAHY,Éric,M.,EXG,Extrême gauche,100,"16,67","10",NON`,
      `${circ('01', '0101', 600)},2,MAÎTRE,Christophe,M.,RN,Rassemblement National,500,"83,33","50",OUI`,
      `${circ('97', '97101', 300)},1,DUPONT,Anne,Mme,UG,Union de la gauche,299,"99,67","30",QUALIF T2`,
      `${circ('ZZ', 'ZZ01', 50)},1,SMITH,Jo,M.,ENS,Ensemble,50,"100","5",OUI`,
      `${circ('2A', '2A01', 40)},1,CORSO,Lea,Mme,LR,Les Républicains,40,"100","4",OUI`,
    ].join('\n'),
    'fixture-fr.csv',
  );

  it('finds the department of 5-character overseas codes, ZX/ZZ and Corsica', () => {
    expect(['0101', '97101', '98801', 'ZX01', 'ZZ11', '2B02', 'X1'].map(departmentOfConstituency)).toEqual([
      '01',
      '971',
      '988',
      'ZX',
      'ZZ',
      '2B',
      null,
    ]);
    expect(bundle.jurisdictions).toContainEqual(
      expect.objectContaining({
        kind: 'foreign_constituency',
        code: '97101',
        parent: 'department:971',
        country: 'FR',
      }),
    );
    expect(bundle.jurisdictions).toContainEqual(
      expect.objectContaining({ kind: 'department', code: 'ZZ', name: 'Français établis hors de France' }),
    );
  });

  it('reads votes by nuance with valid, blank+spoilt and registered counts, and the outcome', () => {
    expect(bundle.units.find((u) => u.jurisdiction === 'foreign_constituency:0101')).toMatchObject({
      totalVotes: 600,
      invalidVotes: 200,
      registered: 1000,
    });
    expect(bundle.votes.filter((v) => v.jurisdiction === 'foreign_constituency:0101')).toEqual([
      expect.objectContaining({ candidate: 'Éric LAHY', party: 'EXG', votes: 100, outcome: 'lost' }),
      expect.objectContaining({
        candidate: 'Christophe MAÎTRE',
        party: 'RN',
        votes: 500,
        outcome: 'elected',
      }),
    ]);
  });

  it('reads decimal commas (no share mismatch) and notes a constituency whose votes do not add up', () => {
    expect(bundle.issues.filter((i) => i.code === 'france.share_mismatch')).toEqual([]);
    expect(bundle.issues).toContainEqual(
      expect.objectContaining({ code: 'france.sum_differs', resolution: 'noted', subject: '97101' }),
    );
  });
});
