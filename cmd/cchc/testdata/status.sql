-- The status of every judged agency of the latest campaign as of 30/04/2024:
-- registrations counted for the agency and rolled up from its communes.
WITH c AS (SELECT id FROM campaign ORDER BY year DESC LIMIT 1),
-- letters of the agencies the campaign follows and has not deactivated (it
-- keeps its own flag, NULL meaning "as the agency is now"); the others'
-- count for nobody, as in cchc
own AS (
  SELECT s.agency_id AS id, count(*) AS n, max(s.received_on) AS last
  FROM submission s JOIN campaign_agency ca ON ca.campaign_id = s.campaign_id AND ca.agency_id = s.agency_id
  JOIN agency a ON a.id = s.agency_id AND coalesce(ca.active, a.active) = 1 JOIN registration r ON r.submission_id = s.id
  WHERE s.campaign_id = (SELECT id FROM c) AND s.received_on <= '2024-04-30'
  GROUP BY s.agency_id),
rolled AS (
  SELECT id, n, last FROM own
  UNION ALL
  SELECT a.parent_id, own.n, own.last FROM own JOIN agency a ON a.id = own.id WHERE a.parent_id IS NOT NULL),
per AS (SELECT id, sum(n) AS n, max(last) AS last FROM rolled GROUP BY id)
SELECT coalesce(ca.name, a.name) AS name, a.agency_group AS "group", q.required, q.target, coalesce(per.n, 0) AS registered,
  CASE WHEN per.n IS NULL THEN 'missing' WHEN per.n < q.required THEN 'short' ELSE 'met' END AS status,
  per.last AS last_on
FROM campaign_agency ca
JOIN agency a ON a.id = ca.agency_id AND coalesce(ca.active, a.active) = 1
JOIN quota q ON q.campaign_id = ca.campaign_id AND q.agency_group = a.agency_group AND q.required > 0
LEFT JOIN per ON per.id = a.id
WHERE ca.campaign_id = (SELECT id FROM c)
ORDER BY CASE a.agency_group WHEN 'department' THEN 1 WHEN 'central' THEN 2 WHEN 'district' THEN 3 ELSE 4 END, a.name_key;
