-- Automated calls are metered as voice_calls (one per call Twilio accepts) and gated like SMS:
-- give every plan its allowance and price, and the wholesale lists their discounted price.
-- Free places no automated calls (as it sends no SMS); Team pays 0.05 USD a call up to 1,000;
-- Scale has 100 included, then 0.04 USD, up to 10,000.
insert into plan_meters (plan_code, meter, included, price_per_1000_micros, hard_limit) values
  ('FREE',  'voice_calls',   0,        0,     0),
  ('TEAM',  'voice_calls',   0, 50000000,  1000),
  ('SCALE', 'voice_calls', 100, 40000000, 10000)
on conflict do nothing;

insert into plan_price_meters (plan_price_id, meter, price_per_1000_micros)
select pp.id, pm.meter, pm.price_per_1000_micros * (100 - case pp.wholesale_code
         when 'STANDARD' then 30 else 40 end) / 100
  from plan_prices pp join plan_meters pm on pm.plan_code = pp.plan_code
 where pp.kind = 'WHOLESALE' and pm.meter = 'voice_calls'
on conflict do nothing;
