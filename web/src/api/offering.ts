import { zOfferingDetail, type OfferingDetail } from '../../../schema';
import { getJson } from './client';

export const fetchOffering = (id: number, signal?: AbortSignal): Promise<OfferingDetail> =>
  getJson(`/api/offerings/${id}`, zOfferingDetail, signal);
