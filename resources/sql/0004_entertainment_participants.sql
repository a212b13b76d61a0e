-- Company staff taking part in an entertainment (§6.3.1), picked from the people; external
-- guests stay as text in entertainment_requests.participants.
CREATE TABLE entertainment_participants (
    request_id BIGINT NOT NULL REFERENCES entertainment_requests(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (request_id, user_id)
);
CREATE INDEX entertainment_participants_user ON entertainment_participants(user_id);
