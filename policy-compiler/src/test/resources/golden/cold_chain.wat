(module
  (type (;0;) (func (param i32) (result i32)))
  (type (;1;) (func (param i64) (param i64) (result i32)))
  (type (;2;) (func (param i32) (param i64) (result i64)))
  (type (;3;) (func (param i64) (param i64) (result i64)))
  (type (;4;) (func (param i32) (param i32) (param i32)))
  (type (;5;) (func (result i32)))
  (type (;6;) (func (param i64) (param i64) (param i64) (param i32)))
  (func $ec_render (export "ec_render") (type 0) (param $in_len i32) (result i32)
    (local $p i32)
    (local $l i32)
    (local $t i32)
    (local $s i64)
    (local $board i64)
    (local $id i64)
    (local $zone i64)
    (local $sample_interval i64)
    (local $temp_min_dc i64)
    (local $temp_max_dc i64)
    (local $door_alarm i64)
    (local $report_every i64)
    (local $buzzer i64)
    (local $profile i64)
    i32.const 0
    global.set $err
    block
      local.get $in_len
      i32.const 64896
      i32.gt_u
      br_if 0
      i32.const 128
      local.tee $p
      local.get $in_len
      i32.add
      global.set $end
      block
        loop
          local.get $p
          global.get $end
          i32.ge_u
          br_if 1
          local.get $p
          i32.const 2
          i32.add
          global.get $end
          i32.gt_u
          br_if 2
          local.get $p
          i32.load8_u
          local.set $t
          local.get $p
          i32.load8_u offset=1
          local.set $l
          local.get $p
          i32.const 2
          i32.add
          local.tee $p
          i64.extend_i32_u
          local.get $l
          i64.extend_i32_u
          i64.const 32
          i64.shl
          i64.or
          local.set $s
          local.get $p
          local.get $l
          i32.add
          local.tee $p
          global.get $end
          i32.gt_u
          br_if 2
          local.get $t
          i32.const 1
          i32.eq
          if
            local.get $s
            local.set $board
          end
          local.get $t
          i32.const 2
          i32.eq
          if
            local.get $s
            local.set $id
          end
          local.get $t
          i32.const 3
          i32.eq
          if
            local.get $s
            local.set $zone
          end
          br 0
        end
      end
      local.get $board
      i64.eqz
      local.get $id
      i64.eqz
      i32.or
      br_if 0
      i64.const 30000
      local.set $sample_interval
      i64.const 20
      local.set $temp_min_dc
      i64.const 80
      local.set $temp_max_dc
      i64.const 120000
      local.set $door_alarm
      i64.const 2
      local.set $report_every
      i64.const 1
      local.set $buzzer
      local.get $zone
      i64.const 38654705704
      call $streq
      if (result i32)
        i32.const 1
      else
        local.get $zone
        i64.const 38654705713
        call $streq
      end
      if
        i64.const 1
        local.set $profile
        i64.const -250
        local.set $temp_min_dc
        i64.const -180
        local.set $temp_max_dc
      end
      local.get $zone
      i64.const 55834574906
      call $streq
      if
        i64.const 2
        local.set $profile
        i64.const -400
        local.set $temp_min_dc
        i64.const -300
        local.set $temp_max_dc
        i64.const 10000
        local.set $sample_interval
      end
      local.get $zone
      i64.const 38654705735
      call $streq
      if (result i32)
        i32.const 1
      else
        local.get $zone
        i64.const 38654705744
        call $streq
      end
      if (result i32)
        i32.const 1
      else
        local.get $zone
        i64.const 38654705753
        call $streq
      end
      if
        i64.const 0
        local.set $temp_min_dc
        i64.const 50
        local.set $temp_max_dc
      end
      local.get $zone
      i64.const 17179869282
      call $streq
      if
        i64.const 3
        local.set $profile
        i64.const -100
        local.set $temp_min_dc
        i64.const 250
        local.set $temp_max_dc
        i64.const 600000
        local.set $door_alarm
      end
      local.get $board
      i64.const 34359738470
      call $streq
      if
        i64.const 60000
        local.set $sample_interval
        i64.const 10
        local.set $report_every
        i32.const 0
        i64.extend_i32_u
        local.set $buzzer
      end
      i32.const 5
      i64.const 25769803886
      call $find
      i64.const 0
      i64.ne
      if (result i32)
        local.get $profile
        i64.const 0
        i64.eq
      else
        i32.const 0
      end
      if
        i64.const 20
        local.set $temp_min_dc
        local.get $temp_max_dc
        i64.const 80
        call $min
        local.set $temp_max_dc
        local.get $sample_interval
        i64.const 15000
        call $min
        local.set $sample_interval
      end
      i32.const 5
      i64.const 42949673076
      call $find
      i64.const 0
      i64.ne
      if (result i32)
        local.get $zone
        i64.const 17179869282
        call $streq
        i32.eqz
      else
        i32.const 0
      end
      if
        i32.const 0
        i64.extend_i32_u
        local.set $buzzer
      end
      local.get $temp_min_dc
      local.get $temp_max_dc
      i64.lt_s
      i32.eqz
      i32.const 0
      i32.const -3
      call $fail
      local.get $profile
      i64.const 1
      i64.ne
      if (result i32)
        i32.const 1
      else
        local.get $temp_max_dc
        i64.const -180
        i64.le_s
      end
      i32.eqz
      i32.const 2
      i32.const -3
      call $fail
      global.get $err
      if
        global.get $err
        return
      end
      i32.const 0
      i64.const 4503605118124869
      i64.store
      i32.const 0
      i64.const 13991069939
      i64.store offset=8
      i32.const 0
      i32.const 1078191828
      i32.store offset=16
      i32.const 0
      local.get $sample_interval
      i64.store32 offset=20
      i32.const 0
      local.get $temp_min_dc
      i64.store16 offset=24
      i32.const 0
      local.get $temp_max_dc
      i64.store16 offset=26
      i32.const 0
      local.get $door_alarm
      i64.store32 offset=28
      i32.const 0
      local.get $report_every
      i64.store16 offset=32
      i32.const 0
      local.get $buzzer
      i32.wrap_i64
      i64.extend_i32_u
      i64.store8 offset=34
      i32.const 0
      local.get $profile
      i64.store8 offset=35
      i32.const 0
      call $crc
      i32.store offset=36
      i32.const 40
      return
    end
    i32.const -1
  )
  (func $ec_check (export "ec_check") (type 0) (param $len i32) (result i32)
    i32.const 0
    global.set $err
    local.get $len
    i32.const 40
    i32.ne
    i32.const 0
    i64.load
    i64.const 4503605118124869
    i64.ne
    i32.or
    i32.const 0
    i32.load offset=8
    i32.const 1106168051
    i32.ne
    i32.or
    i32.const 0
    i32.load offset=16
    i32.const 1078191828
    i32.ne
    i32.or
    call $crc
    i32.const 0
    i32.load offset=36
    i32.ne
    i32.or
    if
      i32.const -5
      return
    end
    i32.const 0
    i64.load32_u offset=20
    i64.const 1000
    i64.const 900000
    i32.const 0
    call $chk
    i32.const 0
    i64.load16_s offset=24
    i64.const -400
    i64.const 300
    i32.const 1
    call $chk
    i32.const 0
    i64.load16_s offset=26
    i64.const -400
    i64.const 300
    i32.const 2
    call $chk
    i32.const 0
    i64.load32_u offset=28
    i64.const 10000
    i64.const 600000
    i32.const 3
    call $chk
    i32.const 0
    i64.load16_u offset=32
    i64.const 1
    i64.const 120
    i32.const 4
    call $chk
    i32.const 0
    i64.load8_u offset=34
    i64.const 0
    i64.const 1
    i32.const 5
    call $chk
    i32.const 0
    i64.load8_u offset=35
    i64.const 0
    i64.const 3
    i32.const 6
    call $chk
    global.get $err
    i32.const 3
    i32.mul
  )
  (func $streq (type 1) (param $a i64) (param $b i64) (result i32)
    (local $i i32)
    local.get $a
    local.get $b
    i64.xor
    i64.const -4294967296
    i64.and
    i64.eqz
    i32.eqz
    if
      i32.const 0
      return
    end
    loop
      local.get $i
      local.get $a
      i64.const 32
      i64.shr_u
      i32.wrap_i64
      i32.ge_u
      if
        i32.const 1
        return
      end
      local.get $a
      i32.wrap_i64
      local.get $i
      i32.add
      i32.load8_u
      local.get $b
      i32.wrap_i64
      local.get $i
      i32.add
      i32.load8_u
      i32.ne
      if
        i32.const 0
        return
      end
      local.get $i
      i32.const 1
      i32.add
      local.set $i
      br 0
    end
    unreachable
  )
  (func $find (type 2) (param $tag i32) (param $key i64) (result i64)
    (local $p i32)
    (local $l i32)
    (local $kl i32)
    (local $r i64)
    local.get $key
    i64.const 32
    i64.shr_u
    i32.wrap_i64
    local.set $kl
    i32.const 128
    local.set $p
    block
      loop
        local.get $p
        global.get $end
        i32.ge_u
        br_if 1
        local.get $p
        i32.load8_u offset=1
        local.set $l
        local.get $p
        i32.load8_u
        local.get $tag
        i32.eq
        local.get $l
        local.get $kl
        i32.eq
        local.get $l
        local.get $kl
        i32.gt_u
        local.get $p
        local.get $kl
        i32.add
        i32.load8_u offset=2
        i32.eqz
        i32.and
        local.get $tag
        i32.const 5
        i32.eq
        select
        i32.and
        local.get $p
        i32.const 2
        i32.add
        i64.extend_i32_u
        local.get $key
        i64.const -4294967296
        i64.and
        i64.or
        local.get $key
        call $streq
        i32.and
        if
          local.get $p
          local.get $kl
          i32.add
          i32.const 3
          i32.add
          i64.extend_i32_u
          local.get $l
          local.get $kl
          i32.sub
          i32.const 1
          i32.sub
          i64.extend_i32_u
          i64.const 32
          i64.shl
          i64.or
          local.set $r
        end
        local.get $p
        local.get $l
        i32.add
        i32.const 2
        i32.add
        local.set $p
        br 0
      end
    end
    local.get $r
  )
  (func $min (type 3) (param $a i64) (param $b i64) (result i64)
    local.get $a
    local.get $b
    local.get $a
    local.get $b
    i64.lt_s
    select
  )
  (func $fail (type 4) (param $bad i32) (param $index i32) (param $code i32)
    global.get $err
    i32.eqz
    local.get $bad
    i32.and
    if
      local.get $code
      global.set $err
      i32.const 0
      local.get $index
      i32.store16
    end
  )
  (func $crc (type 5) (result i32)
    (local $crc i32)
    (local $p i32)
    (local $k i32)
    i32.const -1
    local.set $crc
    block
      loop
        local.get $p
        i32.const 36
        i32.ge_u
        br_if 1
        local.get $crc
        local.get $p
        i32.load8_u
        i32.xor
        local.set $crc
        i32.const 8
        local.set $k
        loop
          local.get $crc
          i32.const 1
          i32.shr_u
          i32.const -2097792136
          i32.const 0
          local.get $crc
          i32.const 1
          i32.and
          i32.sub
          i32.and
          i32.xor
          local.set $crc
          local.get $k
          i32.const 1
          i32.sub
          local.tee $k
          br_if 0
        end
        local.get $p
        i32.const 1
        i32.add
        local.set $p
        br 0
      end
    end
    local.get $crc
    i32.const -1
    i32.xor
  )
  (func $chk (type 6) (param $v i64) (param $lo i64) (param $hi i64) (param $index i32)
    local.get $v
    local.get $lo
    i64.lt_s
    local.get $v
    local.get $hi
    i64.gt_s
    i32.or
    local.get $index
    i32.const -2
    call $fail
  )
  (memory (;0;) (export "memory") 1 1)
  (global $ec_abi (export "ec_abi") i32 (i32.const 1))
  (global $ec_in (export "ec_in") i32 (i32.const 128))
  (global $ec_in_cap (export "ec_in_cap") i32 (i32.const 64896))
  (global $ec_out (export "ec_out") i32 (i32.const 0))
  (global $ec_out_cap (export "ec_out_cap") i32 (i32.const 40))
  (global $end (mut i32) (i32.const 0))
  (global $err (mut i32) (i32.const 0))
  (data (i32.const 40) "freezer-afreezer-bblast-freezerchiller-1chiller-2chiller-3docknrf52840pharmanight_mode")
  ;; custom section "edgeconf.meta"
)
