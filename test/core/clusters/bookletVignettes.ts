/**
 * Pictures written from the Clustering Booklet's own cluster descriptions (the "Description" each
 * cluster carries in Appendix 3 of the Mental Health Clustering Booklet V3.0 2013/14 and V5.0
 * 2016/17, and the same text in NTPS 2017/19 Annex B3 and the NHS Data Dictionary), one TYPICAL
 * picture and one BORDERLINE picture per cluster. A borderline picture sits at the edge of the
 * description, next to a neighbouring cluster, where the description still says which cluster it is
 * (for example cluster 5: very severe depression "may often" carry a high suicide risk, so a very
 * severe depression with little self-harm is still cluster 5).
 *
 * Written BEFORE the profile was changed for issue 29 and not edited to fit it; the scores before
 * and after are in docs/cluster-allocation.md. Ratings are in tool order (items 1–13 | A–E, see
 * vignettes.ts for the item key); 9 = not known.
 */
import type { Vignette } from "./vignettes";

export const BOOKLET_VIGNETTES: readonly Vignette[] = [
  // Cluster 1: "definite but minor problems of depressed mood, anxiety or other disorder", no distressing psychotic symptoms.
  { id: "B1t", ratings: "0 0 0 0 0 0 2 2 1 0 0 1 0 | 0 0 0 0 0", superclass: "A", cluster: 1, rationale: "Typical 1: minor low mood and worry after redundancy, coping." },
  { id: "B1b", ratings: "0 0 1 0 1 0 1 2 1 1 0 1 0 | 0 0 0 0 1", superclass: "A", cluster: 1, rationale: "Borderline 1: minor health anxiety with a long-term condition, some drinking, first presentation." },
  // Cluster 2: as cluster 1 with greater need: already had cluster 1 care, or re-presenting with low-level symptoms after treatment at a higher level.
  { id: "B2t", ratings: "0 0 0 0 0 0 2 2 2 1 1 2 0 | 0 0 0 0 1", superclass: "A", cluster: 2, rationale: "Typical 2: low-level depression still present after guided self-help; work and relationships strained." },
  { id: "B2b", ratings: "0 1 0 0 1 0 2 2 2 1 0 2 0 | 0 1 0 1 1", superclass: "A", cluster: 2, rationale: "Borderline 2: re-presenting with low-level symptoms after earlier treatment for a severe episode (one past self-harm)." },
  // Cluster 3: "moderate problems involving depressed mood, anxiety or other disorder (not including psychosis)".
  { id: "B3t", ratings: "0 1 0 0 0 0 3 2 2 1 1 2 0 | 0 0 0 0 1", superclass: "A", cluster: 3, rationale: "Typical 3: moderate depression, fleeting self-harm thoughts, still working part time." },
  { id: "B3b", ratings: "0 0 0 0 0 0 3 3 1 1 0 2 0 | 0 0 0 0 1", superclass: "A", cluster: 3, rationale: "Borderline 3: moderate depression and anxiety, little else affected (a new user's picture once placed in 2)." },
  // Cluster 4: "severe depression and/or anxiety and/or other increasing complexity of needs", disrupted everyday function, "increasing likelihood of significant risks".
  { id: "B4t", ratings: "0 2 1 0 1 0 4 3 2 2 1 3 0 | 0 1 0 1 2", superclass: "A", cluster: 4, rationale: "Typical 4: severe depression, self-harm thoughts acted on once, off work." },
  { id: "B4b", ratings: "1 1 1 0 1 0 2 4 3 2 1 3 0 | 0 0 0 1 2", superclass: "A", cluster: 4, rationale: "Borderline 4: severe panic and agoraphobia with growing complexity, mood less affected." },
  // Cluster 5: "severely depressed and/or anxious and/or other", no distressing hallucinations or delusions but "may have some unreasonable beliefs", "may often be at high risk for suicide".
  { id: "B5t", ratings: "1 3 1 0 1 0 4 3 3 3 2 4 1 | 0 2 2 1 3", superclass: "A", cluster: 5, rationale: "Typical 5: very severe depression, recent suicide attempt, children's safety a concern." },
  { id: "B5b", ratings: "0 1 0 0 1 0 4 4 3 3 2 4 2 | 0 0 2 1 3", superclass: "A", cluster: 5, rationale: "Borderline 5: very severe, treatment-resistant depression with little self-harm and some unreasonable beliefs (placed in 7 before issue 29)." },
  // Cluster 6: disorders that are difficult to treat where over-valued ideas are strongly held (eating disorders, OCD, some personality disorders).
  { id: "B6t", ratings: "0 1 0 0 3 0 2 3 2 1 0 2 4 | 0 1 0 2 2", superclass: "A", cluster: 6, rationale: "Typical 6: anorexia nervosa, beliefs about weight held with great conviction, physically compromised." },
  { id: "B6b", ratings: "0 0 0 0 0 0 2 4 2 2 1 3 3 | 0 0 0 1 1", superclass: "A", cluster: 6, rationale: "Borderline 6: severe OCD with over-valued beliefs about contamination, moderate disability." },
  // Cluster 7: "moderate to very severe disorders that are very disabling", treated for years, considerable disability remains.
  { id: "B7t", ratings: "0 1 1 0 1 0 3 3 3 3 2 4 0 | 0 1 0 1 2", superclass: "A", cluster: 7, rationale: "Typical 7: depression treated for many years, unable to work or manage the home." },
  { id: "B7b", ratings: "0 0 0 0 2 0 2 2 2 3 2 3 0 | 0 0 0 1 2", superclass: "A", cluster: 7, rationale: "Borderline 7: symptoms improved after years of treatment, disability in daily living and occupation remains." },
  // Cluster 8: chaotic and challenging: self-harm, impulsivity, difficulty engaging, often personality disorder.
  { id: "B8t", ratings: "2 3 2 0 0 0 3 3 4 1 2 3 0 | 1 4 1 3 3", superclass: "A", cluster: 8, rationale: "Typical 8: emotionally unstable, repeated self-harm, chaotic contact with services." },
  { id: "B8b", ratings: "3 1 3 0 1 0 2 2 3 1 3 3 0 | 2 3 2 3 2", superclass: "A", cluster: 8, rationale: "Borderline 8: impulsive, aggressive, drug use; self-harm in the past more than now." },
  // Cluster 10: presenting for the first time with psychotic symptoms, with or without manic features.
  { id: "B10t", ratings: "1 0 0 0 0 3 2 2 2 1 0 2 0 | 0 0 0 0 1", superclass: "B", cluster: 10, rationale: "Typical 10: first presentation with voices and paranoid ideas, no history." },
  { id: "B10b", ratings: "2 0 1 0 0 2 0 2 2 1 1 2 0 | 0 0 0 1 1", superclass: "B", cluster: 10, rationale: "Borderline 10: first episode with manic features, grandiose ideas, no previous episodes." },
  // Cluster 11: history of psychosis, symptoms controlled and causing minor problems; recovery, near full functioning.
  { id: "B11t", ratings: "0 0 0 0 0 2 1 1 1 0 0 1 0 | 1 0 0 1 1", superclass: "B", cluster: 11, rationale: "Typical 11: schizophrenia in recovery, residual voices that cause little distress, working." },
  { id: "B11b", ratings: "0 0 0 0 1 1 1 1 1 1 0 1 0 | 2 0 0 0 1", superclass: "B", cluster: 11, rationale: "Borderline 11: bipolar disorder, well between episodes, minor symptoms, history of mania." },
  // Cluster 12: history of psychosis with significant disability and major impact on role functioning; vulnerable.
  { id: "B12t", ratings: "0 0 0 1 1 2 1 2 2 3 2 3 0 | 1 0 0 1 3", superclass: "B", cluster: 12, rationale: "Typical 12: long psychosis history, symptoms modest, self-care and occupation badly affected." },
  { id: "B12b", ratings: "0 0 1 1 1 2 2 1 3 3 2 4 0 | 1 0 0 2 3", superclass: "B", cluster: 12, rationale: "Borderline 12: negative symptoms and isolation, no occupation, symptoms not florid." },
  // Cluster 13: history of psychosis, symptoms not controlled and high disability.
  { id: "B13t", ratings: "2 0 1 1 1 3 2 2 3 3 3 3 0 | 2 0 1 2 3", superclass: "B", cluster: 13, rationale: "Typical 13: persistent delusions despite treatment, high disability, poor housing." },
  { id: "B13b", ratings: "1 0 0 1 1 3 2 2 3 2 2 3 0 | 1 0 0 1 3", superclass: "B", cluster: 13, rationale: "Borderline 13: uncontrolled symptoms, daily living only partly affected." },
  // Cluster 14: acute psychotic episode with severe symptoms, severe disruption, risk to self or others.
  { id: "B14t", ratings: "4 1 1 0 0 4 1 3 3 2 2 3 0 | 3 0 2 2 3", superclass: "B", cluster: 14, rationale: "Typical 14: acute relapse, threatening neighbours, family at risk." },
  { id: "B14b", ratings: "2 2 0 0 0 4 2 3 3 3 1 4 0 | 1 1 0 1 3", superclass: "B", cluster: 14, rationale: "Borderline 14: acute psychosis, command voices to self-harm, less aggression." },
  // Cluster 15: psychotic depression: severe depression with psychotic symptoms, risk of suicide and self-neglect.
  { id: "B15t", ratings: "0 3 0 0 1 3 4 2 2 2 1 3 0 | 0 1 0 1 2", superclass: "B", cluster: 15, rationale: "Typical 15: depression with delusions of guilt and a suicide plan." },
  { id: "B15b", ratings: "0 1 0 1 2 2 4 2 2 3 1 3 0 | 0 0 0 1 3", superclass: "B", cluster: 15, rationale: "Borderline 15: psychotic depression with self-neglect, not eating, little self-harm." },
  // Cluster 16: psychotic or bipolar symptoms with co-existing substance misuse, chaotic, may pose risk, engage poorly.
  { id: "B16t", ratings: "2 1 4 0 1 3 2 2 3 2 3 3 0 | 2 1 1 3 3", superclass: "B", cluster: 16, rationale: "Typical 16: schizophrenia with daily crack use, chaotic housing." },
  { id: "B16b", ratings: "1 0 3 0 1 2 2 2 2 1 2 2 0 | 3 0 0 2 2", superclass: "B", cluster: 16, rationale: "Borderline 16: bipolar disorder with heavy drinking, engages on and off." },
  // Cluster 17: psychosis or affective disorder, difficult to engage, chaotic, risk.
  { id: "B17t", ratings: "2 0 1 0 0 3 1 2 3 2 2 3 0 | 2 0 1 4 3", superclass: "B", cluster: 17, rationale: "Typical 17: paranoid psychosis, refuses contact, repeatedly lost to follow-up." },
  { id: "B17b", ratings: "1 1 2 0 0 2 2 2 3 2 2 2 0 | 3 0 1 3 2", superclass: "B", cluster: 17, rationale: "Borderline 17: affective psychosis, some drinking, engages only in crisis." },
  // Cluster 18: cognitive impairment, low need, mild problems.
  { id: "B18t", ratings: "0 0 0 2 1 0 1 0 0 1 0 1 0 | 0 0 0 0 1", superclass: "C", cluster: 18, rationale: "Typical 18: mild cognitive impairment, independent." },
  { id: "B18b", ratings: "0 0 0 3 1 0 1 1 1 1 0 1 0 | 0 0 0 0 1", superclass: "C", cluster: 18, rationale: "Borderline 18: diagnosed dementia, well supported, little need." },
  // Cluster 19: cognitive impairment or dementia with moderate need: behaviour, mood or psychotic symptoms.
  { id: "B19t", ratings: "1 0 0 3 1 0 2 2 2 2 1 2 0 | 0 0 0 0 2", superclass: "C", cluster: 19, rationale: "Typical 19: dementia with low mood and some restlessness." },
  { id: "B19b", ratings: "1 0 0 3 2 2 2 2 2 2 1 2 0 | 0 0 0 1 2", superclass: "C", cluster: 19, rationale: "Borderline 19: dementia with mild suspiciousness and misperceptions." },
  // Cluster 20: cognitive impairment or dementia with high need and risk, challenging behaviour.
  { id: "B20t", ratings: "3 0 0 4 2 1 2 3 3 4 2 3 0 | 2 0 2 2 4", superclass: "C", cluster: 20, rationale: "Typical 20: advanced dementia, aggression, carer exhausted." },
  { id: "B20b", ratings: "4 0 0 3 1 1 2 3 3 3 2 3 0 | 2 0 1 1 3", superclass: "C", cluster: 20, rationale: "Borderline 20: moderate dementia with severe aggression." },
  // Cluster 21: cognitive impairment or dementia with high physical need or engagement problems.
  { id: "B21t", ratings: "0 0 0 3 4 0 1 1 1 4 1 3 0 | 0 0 0 1 3", superclass: "C", cluster: 21, rationale: "Typical 21: dementia with frailty and falls, high physical care." },
  { id: "B21b", ratings: "1 0 0 3 3 0 1 2 2 3 2 3 0 | 0 0 0 3 3", superclass: "C", cluster: 21, rationale: "Borderline 21: dementia with physical illness, refuses care." },
];
