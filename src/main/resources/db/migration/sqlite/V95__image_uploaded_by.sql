-- Who uploaded each photo, so a writer may edit the caption, credit and alt text of their own
-- pictures (and only while no published story shows them). NULL: a wire or imported picture, a
-- key without an owner, or one uploaded before uploaders were recorded; only editors edit those.
-- No foreign key: a photo outlives the account that uploaded it.
ALTER TABLE image ADD COLUMN uploaded_by BIGINT;
