(module
  (type (;0;) (func (param i32) (result i32)))
  (type (;1;) (func (param i64) (param i64) (result i32)))
  (type (;2;) (func (param i32) (param i64) (result i64)))
  (type (;3;) (func (param i64) (param i64) (result i64)))
  (type (;4;) (func (param i32) (param i32) (param i32)))
  (type (;5;) (func (param i32) (param i64) (param i32)))
  (type (;6;) (func (result i32)))
  (type (;7;) (func (param i64) (param i64) (param i64) (param i32)))
  (func $ec_render (export "ec_render") (type 0) (param $in_len i32) (result i32)
    (local $p i32)
    (local $l i32)
    (local $t i32)
    (local $s i64)
    (local $board i64)
    (local $id i64)
    (local $zone i64)
    (local $scene i64)
    (local $brightness i64)
    (local $color_temp_k i64)
    (local $idle_off i64)
    (local $motion i64)
    (local $panel_label i64)
    (local $contact i64)
    i32.const 0
    global.set $err
    block
      local.get $in_len
      i32.const 64800
      i32.gt_u
      br_if 0
      i32.const 224
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
      i64.const 2
      local.set $scene
      i64.const 80
      local.set $brightness
      i64.const 4000
      local.set $color_temp_k
      i64.const 1200000
      local.set $idle_off
      i64.const 1
      local.set $motion
      i64.const 25769803867
      local.set $panel_label
      i64.const 94489280609
      local.set $contact
      local.get $zone
      i64.const 30064771191
      call $streq
      if
        i64.const 5
        local.set $scene
        i64.const 51539607678
        local.set $panel_label
        i64.const 600000
        local.set $idle_off
      end
      local.get $zone
      i64.const 34359738506
      call $streq
      if
        i64.const 1
        local.set $scene
        i64.const 40
        local.set $brightness
        i64.const 34359738514
        local.set $panel_label
        i32.const 1
        i64.extend_i32_u
        local.set $motion
      end
      local.get $zone
      i64.const 12884902042
      call $streq
      if
        i64.const 3
        local.set $scene
        i64.const 5500
        local.set $color_temp_k
        i64.const 100
        local.set $brightness
        i64.const 85899346077
        local.set $panel_label
        i64.const 94489280689
        local.set $contact
      end
      i32.const 5
      i64.const 38654705863
      call $find
      i64.const 0
      i64.ne
      if
        i64.const 7200000
        local.set $idle_off
        i32.const 0
        i64.extend_i32_u
        local.set $motion
        local.get $brightness
        i64.const 60
        call $max
        local.set $brightness
      end
      i32.const 5
      i64.const 17179869392
      call $find
      i64.const 0
      i64.ne
      if (result i32)
        local.get $scene
        i64.const 3
        i64.ne
      else
        i32.const 0
      end
      if
        i64.const 3000
        local.set $color_temp_k
      end
      i32.const 5
      i64.const 47244640468
      call $find
      i64.const 0
      i64.ne
      if (result i32)
        local.get $zone
        i64.const 30064771191
        call $streq
        i32.eqz
      else
        i32.const 0
      end
      if (result i32)
        i32.const 5
        i64.const 38654705863
        call $find
        i64.const 0
        i64.ne
        i32.eqz
      else
        i32.const 0
      end
      if
        i64.const 4
        local.set $scene
        i64.const 30
        local.set $brightness
        i64.const 2700
        local.set $color_temp_k
      end
      local.get $scene
      i64.const 5
      i64.ne
      if (result i32)
        i32.const 1
      else
        local.get $brightness
        i64.const 50
        i64.ge_s
      end
      i32.eqz
      i32.const 1
      i32.const -3
      call $fail
      i32.const 5
      i64.const 38654705863
      call $find
      i64.const 0
      i64.ne
      i32.eqz
      if (result i32)
        i32.const 1
      else
        local.get $brightness
        i64.const 60
        i64.ge_s
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
      i64.const 18858828930368325
      i64.store
      i32.const 0
      i64.const 54863390465
      i64.store offset=8
      i32.const 0
      i32.const -1120946821
      i32.store offset=16
      i32.const 0
      local.get $scene
      i64.store8 offset=20
      i32.const 0
      local.get $brightness
      i64.store8 offset=21
      i32.const 0
      local.get $color_temp_k
      i64.store16 offset=22
      i32.const 0
      local.get $idle_off
      i64.store32 offset=24
      i32.const 0
      local.get $motion
      i32.wrap_i64
      i64.extend_i32_u
      i64.store8 offset=28
      i32.const 29
      local.get $panel_label
      i32.const 24
      call $wtext
      i32.const 54
      local.get $contact
      i32.const 32
      call $wtext
      i32.const 0
      call $crc
      i32.store offset=87
      i32.const 91
      return
    end
    i32.const -1
  )
  (func $ec_check (export "ec_check") (type 0) (param $len i32) (result i32)
    i32.const 0
    global.set $err
    local.get $len
    i32.const 91
    i32.ne
    i32.const 0
    i64.load
    i64.const 18858828930368325
    i64.ne
    i32.or
    i32.const 0
    i32.load offset=8
    i32.const -971184383
    i32.ne
    i32.or
    i32.const 0
    i32.load offset=16
    i32.const -1120946821
    i32.ne
    i32.or
    call $crc
    i32.const 0
    i32.load offset=87
    i32.ne
    i32.or
    if
      i32.const -5
      return
    end
    i32.const 0
    i64.load8_u offset=20
    i64.const 0
    i64.const 5
    i32.const 0
    call $chk
    i32.const 0
    i64.load8_u offset=21
    i64.const 0
    i64.const 100
    i32.const 1
    call $chk
    i32.const 0
    i64.load16_u offset=22
    i64.const 2700
    i64.const 6500
    i32.const 2
    call $chk
    i32.const 0
    i64.load32_u offset=24
    i64.const 60000
    i64.const 7200000
    i32.const 3
    call $chk
    i32.const 0
    i64.load8_u offset=28
    i64.const 0
    i64.const 1
    i32.const 4
    call $chk
    i32.const 0
    i64.load8_u offset=29
    i64.const 0
    i64.const 24
    i32.const 5
    call $chk
    i32.const 0
    i64.load8_u offset=54
    i64.const 0
    i64.const 32
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
    i32.const 224
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
  (func $max (type 3) (param $a i64) (param $b i64) (result i64)
    local.get $a
    local.get $b
    local.get $a
    local.get $b
    i64.gt_s
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
  (func $wtext (type 5) (param $at i32) (param $s i64) (param $n i32)
    (local $i i32)
    (local $l i32)
    local.get $at
    local.get $s
    i64.const 32
    i64.shr_u
    i32.wrap_i64
    local.tee $l
    i32.store8
    block
      loop
        local.get $i
        local.get $n
        i32.ge_u
        br_if 1
        local.get $at
        local.get $i
        i32.add
        local.get $s
        i32.wrap_i64
        local.get $i
        i32.add
        i32.load8_u
        i32.const 0
        local.get $i
        local.get $l
        i32.lt_u
        select
        i32.store8 offset=1
        local.get $i
        i32.const 1
        i32.add
        local.set $i
        br 0
      end
    end
  )
  (func $crc (type 6) (result i32)
    (local $crc i32)
    (local $p i32)
    (local $k i32)
    i32.const -1
    local.set $crc
    block
      loop
        local.get $p
        i32.const 87
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
  (func $chk (type 7) (param $v i64) (param $lo i64) (param $hi i64) (param $index i32)
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
  (global $ec_in (export "ec_in") i32 (i32.const 224))
  (global $ec_in_cap (export "ec_in_cap") i32 (i32.const 64800))
  (global $ec_out (export "ec_out") i32 (i32.const 0))
  (global $ec_out_cap (export "ec_out_cap") i32 (i32.const 91))
  (global $end (mut i32) (i32.const 0))
  (global $err (mut i32) (i32.const 0))
  (data (i32.const 91) "Officefacilities@example.commeetingMeeting roomcorridorCorridorlabLab \e2\80\93 bench lightslab-safety@example.comemergencywarmnight_shift")
  ;; custom section "edgeconf.meta"
)
