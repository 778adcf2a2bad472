import { type ComponentType, lazy } from 'react';

/** A page loaded on first visit, so the first load carries only the shell and the dashboard. */
const page = <T extends Record<string, ComponentType>>(load: () => Promise<T>, name: keyof T) =>
  lazy(() => load().then((module) => ({ default: module[name] as ComponentType })));

export const MembersPage = page(() => import('./pages/members/MembersPage.tsx'), 'MembersPage');
export const MemberPage = page(() => import('./pages/members/MemberPage.tsx'), 'MemberPage');
export const ApplicationPage = page(() => import('./pages/members/ApplicationPage.tsx'), 'ApplicationPage');
export const DecisionsPage = page(() => import('./pages/decisions/DecisionsPage.tsx'), 'DecisionsPage');
export const DecisionPage = page(() => import('./pages/decisions/DecisionPage.tsx'), 'DecisionPage');
export const NewDecisionPage = page(() => import('./pages/decisions/NewDecisionPage.tsx'), 'NewDecisionPage');
export const AuditPage = page(() => import('./pages/audit/AuditPage.tsx'), 'AuditPage');
export const CharterPage = page(() => import('./pages/charter/CharterPage.tsx'), 'CharterPage');
export const PublicLayout = page(() => import('./pages/public/PublicLayout.tsx'), 'PublicLayout');
export const PublicCharterPage = page(
  () => import('./pages/public/PublicCharterPage.tsx'),
  'PublicCharterPage',
);
export const PublicMembersPage = page(
  () => import('./pages/public/PublicMembersPage.tsx'),
  'PublicMembersPage',
);
export const PublicIndexPage = page(() => import('./pages/public/PublicIndexPage.tsx'), 'PublicIndexPage');
export const MapPage = page(() => import('./pages/map/MapPage.tsx'), 'MapPage');
export const FrancePage = page(() => import('./pages/map/FrancePage.tsx'), 'FrancePage');
export const PublicCandidatePage = page(
  () => import('./pages/public/PublicCandidatePage.tsx'),
  'PublicCandidatePage',
);
export const PactsPage = page(() => import('./pages/pacts/PactsPage.tsx'), 'PactsPage');
export const PactPage = page(() => import('./pages/pacts/PactPage.tsx'), 'PactPage');
export const NewPactPage = page(() => import('./pages/pacts/NewPactPage.tsx'), 'NewPactPage');
export const PetitionsPage = page(() => import('./pages/petitions/PetitionsPage.tsx'), 'PetitionsPage');
export const DrivePage = page(() => import('./pages/petitions/DrivePage.tsx'), 'DrivePage');
export const CandidatesPage = page(() => import('./pages/tickets/CandidatesPage.tsx'), 'CandidatesPage');
export const CandidatePage = page(() => import('./pages/tickets/CandidatePage.tsx'), 'CandidatePage');
export const TicketBuilderPage = page(
  () => import('./pages/tickets/TicketBuilderPage.tsx'),
  'TicketBuilderPage',
);
export const ResultsPage = page(() => import('./pages/tickets/ResultsPage.tsx'), 'ResultsPage');
export const PublicSlatePage = page(() => import('./pages/public/PublicSlatePage.tsx'), 'PublicSlatePage');
export const CountPage = page(() => import('./pages/count/CountPage.tsx'), 'CountPage');
export const PeoplePage = page(() => import('./pages/people/PeoplePage.tsx'), 'PeoplePage');
export const PersonPage = page(() => import('./pages/people/PersonPage.tsx'), 'PersonPage');
export const ImportPeoplePage = page(() => import('./pages/people/ImportPage.tsx'), 'ImportPage');
export const DuplicatesPage = page(() => import('./pages/people/DuplicatesPage.tsx'), 'DuplicatesPage');
export const OverlapsPage = page(() => import('./pages/people/OverlapsPage.tsx'), 'OverlapsPage');
export const PipelinePage = page(() => import('./pages/people/PipelinePage.tsx'), 'PipelinePage');
export const SegmentsPage = page(() => import('./pages/people/SegmentsPage.tsx'), 'SegmentsPage');
export const BrandingPage = page(() => import('./pages/settings/BrandingPage.tsx'), 'BrandingPage');
