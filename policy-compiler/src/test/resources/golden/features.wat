(module
  (type (;0;) (func (param i32) (result i32)))
  (type (;1;) (func (param i64) (result i32)))
  (type (;2;) (func (param i64) (param i64) (result i32)))
  (type (;3;) (func (param i32) (param i64) (result i64)))
  (type (;4;) (func (param i64) (result i64)))
  (type (;5;) (func (param i64) (param i64) (result i64)))
  (type (;6;) (func (param i32) (param i32) (param i32)))
  (type (;7;) (func (param i64) (param i64) (param i64) (param i32)))
  (type (;8;) (func (param i32) (param i64) (param i32)))
  (type (;9;) (func (result i32)))
  (func $ec_render (export "ec_render") (type 0) (param $in_len i32) (result i32)
    (local $p i32)
    (local $l i32)
    (local $t i32)
    (local $s i64)
    (local $board i64)
    (local $id i64)
    (local $zone i64)
    (local $fw i64)
    (local $interval i64)
    (local $level i64)
    (local $gain i64)
    (local $big i64)
    (local $on i64)
    (local $colour i64)
    (local $name i64)
    (local $note i64)
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
          local.get $t
          i32.const 4
          i32.eq
          if
            local.get $s
            local.set $fw
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
      local.get $fw
      call $fwok
      i32.eqz
      br_if 0
      i64.const 30000
      local.set $interval
      i64.const -3
      local.set $gain
      i64.const 4000000000
      local.set $big
      i64.const 1
      local.set $colour
      i64.const 12884901941
      local.set $name
      local.get $board
      i64.const 21474836536
      call $streq
      if (result i32)
        i32.const 1
      else
        local.get $board
        i64.const 30064771133
        call $streq
      end
      if
        i64.const 10000
        local.set $interval
      end
      i32.const 5
      i64.const 21474836548
      call $find
      i64.const 0
      i64.ne
      i32.eqz
      if (result i32)
        local.get $zone
        i64.const 0
        call $streq
        i32.eqz
      else
        i32.const 0
      end
      if
        i32.const 1
        i64.extend_i32_u
        local.set $on
      end
      local.get $fw
      i64.const 21474836553
      call $fwcmp
      i32.const 0
      i32.ge_s
      if (result i32)
        local.get $fw
        i64.const 21474836558
        call $fwcmp
        i32.const 0
        i32.lt_s
      else
        i32.const 0
      end
      if
        i64.const 2
        local.set $colour
        i64.const 25769803859
        i64.const 7
        call $num
        i64.const 3
        call $mul
        i64.const 17179869273
        i64.const 0
        call $num
        call $sub
        local.set $level
      end
      i64.const 21474836573
      i64.const 1
      call $num
      i64.const 0
      i64.ne
      if
        local.get $level
        i64.const 100
        i64.const 21474836573
        i64.const 1
        call $num
        call $div
        call $add
        i64.const -1000
        call $max
        i64.const 1000
        call $min
        local.set $level
      end
      i32.const 6
      i64.const 17179869282
      call $find
      i64.const 0
      call $streq
      i32.eqz
      if
        i32.const 6
        i64.const 17179869282
        call $find
        local.set $name
      end
      local.get $id
      i64.const 30064771174
      call $streq
      if (result i32)
        i32.const 1
      else
        local.get $zone
        i64.const 12884901997
        call $streq
      end
      if
        i64.const -10
        local.set $gain
        i64.const 4100000000
        local.set $big
      end
      i64.const 4294967396
      i64.const 0
      call $num
      i64.const 7
      call $rem
      i64.const 3
      i64.eq
      if
        i64.const 17179869296
        local.set $note
      end
      local.get $colour
      i64.const 2
      i64.eq
      if (result i32)
        local.get $on
        i32.wrap_i64
      else
        i32.const 0
      end
      if
        local.get $interval
        i64.const 2
        call $mul
        local.set $interval
      end
      local.get $fw
      i64.const 21474836596
      call $fwcmp
      i32.const 0
      i32.eq
      if (result i32)
        i32.const 1
      else
        local.get $on
        i32.wrap_i64
        i32.eqz
      end
      if
        i64.const 0
        i64.const 4294967417
        i64.const 3
        call $num
        call $sub
        local.set $gain
      end
      local.get $level
      i64.const -1000
      i64.const 1000
      i32.const 1
      call $chk
      local.get $gain
      i64.const -128
      i64.const 127
      i32.const 2
      call $chk
      local.get $name
      i64.const 32
      i64.shr_u
      i64.const 0
      i64.const 8
      i32.const 6
      call $chk
      local.get $level
      i64.const 999
      i64.ne
      i32.eqz
      i32.const 0
      i32.const -3
      call $fail
      local.get $gain
      i64.const 77
      i64.ne
      if (result i32)
        i32.const 1
      else
        local.get $colour
        i64.const 1
        i64.ne
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
      i64.const 8162779815363397
      i64.store
      i32.const 0
      i64.const 14336887387
      i64.store offset=8
      i32.const 0
      i32.const -1373699029
      i32.store offset=16
      i32.const 0
      local.get $interval
      i64.store32 offset=20
      i32.const 0
      local.get $level
      i64.store32 offset=24
      i32.const 0
      local.get $gain
      i64.store8 offset=28
      i32.const 0
      local.get $big
      i64.store32 offset=29
      i32.const 0
      local.get $on
      i32.wrap_i64
      i64.extend_i32_u
      i64.store8 offset=33
      i32.const 0
      local.get $colour
      i64.store8 offset=34
      i32.const 35
      local.get $name
      i32.const 8
      call $wtext
      i32.const 44
      local.get $note
      i32.const 4
      call $wtext
      i32.const 0
      call $crc
      i32.store offset=49
      i32.const 53
      return
    end
    i32.const -1
  )
  (func $ec_check (export "ec_check") (type 0) (param $len i32) (result i32)
    i32.const 0
    global.set $err
    local.get $len
    i32.const 53
    i32.ne
    i32.const 0
    i64.load
    i64.const 8162779815363397
    i64.ne
    i32.or
    i32.const 0
    i32.load offset=8
    i32.const 1451985499
    i32.ne
    i32.or
    i32.const 0
    i32.load offset=16
    i32.const -1373699029
    i32.ne
    i32.or
    call $crc
    i32.const 0
    i32.load offset=49
    i32.ne
    i32.or
    if
      i32.const -5
      return
    end
    i32.const 0
    i64.load32_u offset=20
    i64.const 1000
    i64.const 3600000
    i32.const 0
    call $chk
    i32.const 0
    i64.load32_s offset=24
    i64.const -1000
    i64.const 1000
    i32.const 1
    call $chk
    i32.const 0
    i64.load8_u offset=33
    i64.const 0
    i64.const 1
    i32.const 4
    call $chk
    i32.const 0
    i64.load8_u offset=34
    i64.const 0
    i64.const 2
    i32.const 5
    call $chk
    i32.const 0
    i64.load8_u offset=35
    i64.const 0
    i64.const 8
    i32.const 6
    call $chk
    i32.const 0
    i64.load8_u offset=44
    i64.const 0
    i64.const 4
    i32.const 7
    call $chk
    global.get $err
    i32.const 3
    i32.mul
  )
  (func $fwok (type 1) (param $s i64) (result i32)
    (local $i i32)
    (local $n i32)
    (local $digits i32)
    (local $dots i32)
    (local $c i32)
    local.get $s
    i64.const 32
    i64.shr_u
    i32.wrap_i64
    local.tee $n
    i32.eqz
    if
      i32.const 1
      return
    end
    block
      loop
        local.get $i
        local.get $n
        i32.ge_u
        br_if 1
        local.get $s
        i32.wrap_i64
        local.get $i
        i32.add
        i32.load8_u
        local.set $c
        local.get $c
        i32.const 46
        i32.eq
        if
          local.get $digits
          i32.const 1
          i32.sub
          i32.const 9
          i32.ge_u
          if
            i32.const 0
            return
          end
          local.get $dots
          i32.const 1
          i32.add
          local.set $dots
          i32.const 0
          local.set $digits
        else
          local.get $c
          i32.const 48
          i32.sub
          i32.const 10
          i32.ge_u
          if
            i32.const 0
            return
          end
          local.get $digits
          i32.const 1
          i32.add
          local.set $digits
        end
        local.get $i
        i32.const 1
        i32.add
        local.set $i
        br 0
      end
    end
    local.get $dots
    i32.const 2
    i32.eq
    local.get $digits
    i32.const 1
    i32.sub
    i32.const 9
    i32.lt_u
    i32.and
  )
  (func $streq (type 2) (param $a i64) (param $b i64) (result i32)
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
  (func $find (type 3) (param $tag i32) (param $key i64) (result i64)
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
  (func $fwcmp (type 2) (param $a i64) (param $b i64) (result i32)
    (local $x i64)
    (local $y i64)
    (local $k i32)
    i32.const 3
    local.set $k
    loop
      local.get $a
      call $vpart
      local.set $x
      local.get $b
      call $vpart
      local.set $y
      local.get $x
      local.get $y
      i64.ne
      if
        local.get $x
        local.get $y
        i64.gt_s
        local.get $x
        local.get $y
        i64.lt_s
        i32.sub
        return
      end
      local.get $a
      call $vrest
      local.set $a
      local.get $b
      call $vrest
      local.set $b
      local.get $k
      i32.const 1
      i32.sub
      local.tee $k
      br_if 0
    end
    i32.const 0
  )
  (func $vpart (type 4) (param $s i64) (result i64)
    (local $v i64)
    (local $i i32)
    (local $c i32)
    block
      loop
        local.get $i
        local.get $s
        i64.const 32
        i64.shr_u
        i32.wrap_i64
        i32.ge_u
        br_if 1
        local.get $s
        i32.wrap_i64
        local.get $i
        i32.add
        i32.load8_u
        local.tee $c
        i32.const 46
        i32.eq
        br_if 1
        local.get $v
        i64.const 10
        i64.mul
        local.get $c
        i32.const 48
        i32.sub
        i64.extend_i32_u
        i64.add
        local.set $v
        local.get $i
        i32.const 1
        i32.add
        local.set $i
        br 0
      end
    end
    local.get $v
  )
  (func $vrest (type 4) (param $s i64) (result i64)
    (local $i i32)
    (local $n i32)
    local.get $s
    i64.const 32
    i64.shr_u
    i32.wrap_i64
    local.set $n
    block
      loop
        local.get $i
        local.get $n
        i32.ge_u
        br_if 1
        local.get $s
        i32.wrap_i64
        local.get $i
        i32.add
        i32.load8_u
        local.get $i
        i32.const 1
        i32.add
        local.set $i
        i32.const 46
        i32.eq
        br_if 1
        br 0
      end
    end
    local.get $s
    i32.wrap_i64
    local.get $i
    i32.add
    i64.extend_i32_u
    local.get $n
    local.get $i
    i32.sub
    i64.extend_i32_u
    i64.const 32
    i64.shl
    i64.or
  )
  (func $num (type 5) (param $key i64) (param $default i64) (result i64)
    (local $r i64)
    i32.const 7
    local.get $key
    call $find
    local.tee $r
    i64.const 32
    i64.shr_u
    i64.const 8
    i64.eq
    if (result i64)
      local.get $r
      i32.wrap_i64
      i64.load
    else
      local.get $default
    end
  )
  (func $mul (type 5) (param $a i64) (param $b i64) (result i64)
    (local $r i64)
    local.get $a
    local.get $b
    i64.mul
    local.set $r
    local.get $a
    i64.const -1
    i64.eq
    if (result i32)
      local.get $b
      i64.const -9223372036854775808
      i64.eq
    else
      local.get $a
      i64.eqz
      if (result i32)
        i32.const 0
      else
        local.get $r
        local.get $a
        i64.div_s
        local.get $b
        i64.ne
      end
    end
    i32.const 0
    i32.const -4
    call $fail
    local.get $r
  )
  (func $fail (type 6) (param $bad i32) (param $index i32) (param $code i32)
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
  (func $sub (type 5) (param $a i64) (param $b i64) (result i64)
    (local $r i64)
    local.get $a
    local.get $b
    i64.sub
    local.set $r
    local.get $a
    local.get $b
    i64.xor
    local.get $a
    local.get $r
    i64.xor
    i64.and
    i64.const 0
    i64.lt_s
    i32.const 0
    i32.const -4
    call $fail
    local.get $r
  )
  (func $div (type 5) (param $a i64) (param $b i64) (result i64)
    (local $bad i32)
    local.get $b
    i64.eqz
    local.get $a
    i64.const -9223372036854775808
    i64.eq
    local.get $b
    i64.const -1
    i64.eq
    i32.and
    i32.or
    local.tee $bad
    i32.const 0
    i32.const -4
    call $fail
    local.get $bad
    if (result i64)
      i64.const 0
    else
      local.get $a
      local.get $b
      i64.div_s
    end
  )
  (func $add (type 5) (param $a i64) (param $b i64) (result i64)
    (local $r i64)
    local.get $a
    local.get $b
    i64.add
    local.set $r
    local.get $a
    local.get $r
    i64.xor
    local.get $b
    local.get $r
    i64.xor
    i64.and
    i64.const 0
    i64.lt_s
    i32.const 0
    i32.const -4
    call $fail
    local.get $r
  )
  (func $max (type 5) (param $a i64) (param $b i64) (result i64)
    local.get $a
    local.get $b
    local.get $a
    local.get $b
    i64.gt_s
    select
  )
  (func $min (type 5) (param $a i64) (param $b i64) (result i64)
    local.get $a
    local.get $b
    local.get $a
    local.get $b
    i64.lt_s
    select
  )
  (func $rem (type 5) (param $a i64) (param $b i64) (result i64)
    (local $bad i32)
    local.get $b
    i64.eqz
    local.tee $bad
    i32.const 0
    i32.const -4
    call $fail
    local.get $bad
    if (result i64)
      i64.const 0
    else
      local.get $a
      local.get $b
      i64.rem_s
    end
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
  (func $wtext (type 8) (param $at i32) (param $s i64) (param $n i32)
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
  (func $crc (type 9) (result i32)
    (local $crc i32)
    (local $p i32)
    (local $k i32)
    i32.const -1
    local.set $crc
    block
      loop
        local.get $p
        i32.const 49
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
  (memory (;0;) (export "memory") 1 1)
  (global $ec_abi (export "ec_abi") i32 (i32.const 1))
  (global $ec_in (export "ec_in") i32 (i32.const 128))
  (global $ec_in_cap (export "ec_in_cap") i32 (i32.const 64896))
  (global $ec_out (export "ec_out") i32 (i32.const 0))
  (global $ec_out_cap (export "ec_out_cap") i32 (i32.const 53))
  (global $end (mut i32) (i32.const 0))
  (global $err (mut i32) (i32.const 0))
  (data (i32.const 53) "devesp32esp32s3quiet2.1.03.0.0offsetbiasscalenamespeciallabmod31.0.0g")
  ;; custom section "edgeconf.meta"
)
