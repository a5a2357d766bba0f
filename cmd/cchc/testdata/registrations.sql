-- Every registration of the latest campaign in the registrations report's
-- columns and order (group, agency, letter), for sqlite3 -html or -csv to
-- print beside `cchc report registrations` (the Vietnamese order of names
-- approximated by their folded keys).
WITH c AS (SELECT id FROM campaign ORDER BY year DESC LIMIT 1)
SELECT row_number() OVER (PARTITION BY a.agency_group ORDER BY a.name_key, s.received_on, s.id, r.seq, r.id) AS stt,
  r.title, r.kind, r.area, coalesce(ca.name, a.name) || coalesce(' (' || lead.name || ')', '') AS lead,
  r.partners, r.timeline, r.expected_result, r.note
FROM registration r
JOIN submission s ON s.id = r.submission_id
JOIN agency a ON a.id = s.agency_id
LEFT JOIN campaign_agency ca ON ca.campaign_id = s.campaign_id AND ca.agency_id = a.id
LEFT JOIN agency lead ON lead.id = r.lead_agency_id AND lead.id <> a.id
WHERE s.campaign_id = (SELECT id FROM c)
ORDER BY CASE a.agency_group WHEN 'department' THEN 1 WHEN 'central' THEN 2 WHEN 'district' THEN 3 ELSE 4 END,
  a.name_key, s.received_on, s.id, r.seq, r.id;
