import type { Category } from '../../../schema';
import type { Theme } from './context';
import { GERMAN, HOMEWORK_HELP, LANGUAGE_MENTORSHIP, MENTORING, READING, TUTORING } from './titles-learning';
import { CULTURE_GUIDES, CULTURE_MENTORSHIP, DIGITAL, HOLIDAY, MUSIC_ARTS, OPEN_YOUTH_WORK, SPORTS, STEM } from './titles-leisure';
import { ADULT, CAREER, COUNSELLING, EARLY, PARENTS } from './titles-life';

/** Title themes per main category. */
export const THEMES: Record<Category, readonly Theme[]> = {
  tutoring: TUTORING,
  homework_help: HOMEWORK_HELP,
  reading_mentorship: READING,
  language_mentorship: LANGUAGE_MENTORSHIP,
  german_second_language: GERMAN,
  culture_mentorship: CULTURE_MENTORSHIP,
  culture_guides: CULTURE_GUIDES,
  mentoring: MENTORING,
  music_arts: MUSIC_ARTS,
  sports: SPORTS,
  stem: STEM,
  digital_media: DIGITAL,
  career_orientation: CAREER,
  parent_education: PARENTS,
  early_childhood: EARLY,
  holiday_programme: HOLIDAY,
  open_youth_work: OPEN_YOUTH_WORK,
  education_counselling: COUNSELLING,
  adult_education: ADULT,
};
