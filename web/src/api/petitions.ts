import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { petitionsContract as c } from '../../../src/features/petitions/petitions.contract.ts';
import type {
  calendarSchema,
  createCheckSchema,
  createDriveSchema,
  createPacketSchema,
  createRequirementSchema,
  DriveDetail,
  DriveSummary,
  RequirementView,
} from '../../../src/features/petitions/petitions.schema.ts';
import { call } from './client.ts';
import { fetchUsTopology } from './map.ts';
import { usePagedList } from './pages.ts';

export type { DriveDetail, DriveSummary, RequirementView };
export type Calendar = z.infer<typeof calendarSchema>;
export type CreateDriveInput = z.input<typeof createDriveSchema>;
export type PacketInput = z.input<typeof createPacketSchema>;
export type CheckInput = z.input<typeof createCheckSchema>;

const keys = {
  all: ['petitions'] as const,
  requirements: ['petitions', 'requirements'] as const,
  drives: ['petitions', 'drives'] as const,
  drive: (id: string) => ['petitions', 'drives', id] as const,
  calendar: ['petitions', 'calendar'] as const,
  warnings: ['petitions', 'warnings'] as const,
};

export function useRequirements() {
  return useQuery({
    queryKey: keys.requirements,
    queryFn: () => call(c.requirements).then((r) => r.requirements),
    staleTime: 5 * 60_000,
  });
}

/** The drives page: 20 at a time, soonest due first, with "Load more". */
export function useDrivePages() {
  return usePagedList([...keys.drives, 'pages'], (cursor) =>
    call(c.drives, { query: { limit: 20, cursor } }).then((r) => ({
      items: r.drives,
      nextCursor: r.nextCursor,
    })),
  );
}

export function useDrive(id: string) {
  return useQuery({ queryKey: keys.drive(id), queryFn: () => call(c.drive, { params: { id } }) });
}

export function useCalendar() {
  return useQuery({ queryKey: keys.calendar, queryFn: () => call(c.calendar) });
}

export function useDeadlineWarnings() {
  return useQuery({ queryKey: keys.warnings, queryFn: () => call(c.warnings) });
}

/** Every petitions query is refreshed after any write: projections, warnings and lists all move together. */
function useInvalidateAll() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.all });
}

export function useCreateDrive() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (input: CreateDriveInput) => call(c.createDrive, { body: input }),
    onSuccess: invalidate,
  });
}

export function useAddPacket(driveId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (packet: PacketInput) =>
      call(c.addPackets, { params: { id: driveId }, body: { packets: [packet] } }),
    onSuccess: invalidate,
  });
}

export function useAddCheck(driveId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (check: CheckInput) =>
      call(c.addChecks, { params: { id: driveId }, body: { checks: [check] } }),
    onSuccess: invalidate,
  });
}

/** A circulator by plain name, or one of the member's own people (supporters) by personId. */
export function useAddCirculator(driveId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (input: { name?: string; personId?: string }) =>
      call(c.addCirculator, { params: { id: driveId }, body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateDrive(driveId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (input: { expectedValidity?: number; safetyMargin?: number }) =>
      call(c.updateDrive, { params: { id: driveId }, body: input }),
    onSuccess: invalidate,
  });
}

/** The feed is text/calendar, not JSON: calendar applications fetch it, the page only links to it. */
export const icalUrl = c.ical.path;

/** Whether the user has a live calendar feed token (the token itself is shown once, when issued). */
export function useFeedToken() {
  return useQuery({ queryKey: ['petitions', 'feed-token'], queryFn: () => call(c.feedToken) });
}

/** Create or rotate the feed token: the answer carries the new URL's path, once. */
export function useIssueFeedToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(c.issueFeedToken),
    onSuccess: () => client.invalidateQueries({ queryKey: ['petitions', 'feed-token'] }),
  });
}

export function useRevokeFeedToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(c.revokeFeedToken),
    onSuccess: () => client.invalidateQueries({ queryKey: ['petitions', 'feed-token'] }),
  });
}

/** The state outlines for the requirements map (the map feature's shapes, through its contract). */
export function useStateShapes() {
  return useQuery({
    queryKey: ['petitions', 'state-shapes'],
    queryFn: () => fetchUsTopology('states'),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export type CreateRequirementInput = z.input<typeof createRequirementSchema>;

export function useAddRequirement() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (input: CreateRequirementInput) => call(c.addRequirement, { body: input }),
    onSuccess: invalidate,
  });
}
