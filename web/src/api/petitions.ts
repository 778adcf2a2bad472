import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  calendarSchema,
  createCheckSchema,
  createDriveSchema,
  createPacketSchema,
  DriveDetail,
  DriveSummary,
  RequirementView,
} from '../../../src/features/petitions/petitions.schema.ts';
import { api } from './client.ts';

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
    queryFn: () =>
      api<{ requirements: RequirementView[] }>('/api/petitions/requirements').then((r) => r.requirements),
    staleTime: 5 * 60_000,
  });
}

export function useDrives() {
  return useQuery({
    queryKey: keys.drives,
    queryFn: () => api<{ drives: DriveSummary[] }>('/api/petitions/drives').then((r) => r.drives),
  });
}

export function useDrive(id: string) {
  return useQuery({
    queryKey: keys.drive(id),
    queryFn: () => api<DriveDetail>(`/api/petitions/drives/${id}`),
  });
}

export function useCalendar() {
  return useQuery({ queryKey: keys.calendar, queryFn: () => api<Calendar>('/api/petitions/calendar') });
}

export function useDeadlineWarnings() {
  return useQuery({ queryKey: keys.warnings, queryFn: () => api<Calendar>('/api/petitions/warnings') });
}

/** Every petitions query is refreshed after any write: projections, warnings and lists all move together. */
function useInvalidateAll() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.all });
}

export function useCreateDrive() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (input: CreateDriveInput) =>
      api<DriveSummary>('/api/petitions/drives', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useAddPacket(driveId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (packet: PacketInput) =>
      api<{ added: number }>(`/api/petitions/drives/${driveId}/packets`, {
        method: 'POST',
        body: { packets: [packet] },
      }),
    onSuccess: invalidate,
  });
}

export function useAddCheck(driveId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (check: CheckInput) =>
      api<{ added: number }>(`/api/petitions/drives/${driveId}/checks`, {
        method: 'POST',
        body: { checks: [check] },
      }),
    onSuccess: invalidate,
  });
}

export function useUpdateDrive(driveId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (input: { expectedValidity?: number; safetyMargin?: number }) =>
      api<DriveSummary>(`/api/petitions/drives/${driveId}`, { method: 'PATCH', body: input }),
    onSuccess: invalidate,
  });
}

export const icalUrl = '/api/petitions/calendar.ics';

/** The state outlines for the requirements map (no result set: only names and shapes). */
export function useStateShapes() {
  return useQuery({
    queryKey: ['petitions', 'state-shapes'],
    queryFn: () => api<import('./map.ts').UsTopology>('/api/map/us/states.topojson?projection=albers'),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}
