(module
  (type $t0 (func (param i32 i32 i32 i32 i32 i32 i32 i32)))
  (type $t1 (func (param i32 i32 i32 i32)))
  (type $t2 (func (param i32 i32 i32 i32)))
  (import "env" "mem" (memory $env.mem 1 32768 shared))
  (func $matvec_f64 (export "matvec_f64") (type $t0) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32) (param $p4 i32) (param $p5 i32) (param $p6 i32) (param $p7 i32)
    (local $l8 i32) (local $l9 i32) (local $l10 i32) (local $l11 i32) (local $l12 i32) (local $l13 v128) (local $l14 i32) (local $l15 f64)
    block $B0
      loop $L1
        local.get $p0
        i32.const 1
        i32.atomic.rmw.add
        local.get $p1
        i32.mul
        local.tee $l8
        local.get $p4
        i32.ge_s
        br_if $B0
        local.get $l8
        local.get $p1
        i32.add
        local.set $l9
        local.get $l9
        local.get $p4
        i32.gt_s
        if $I2
          local.get $p4
          local.set $l9
        end
        local.get $l8
        local.set $l8
        block $B3
          local.get $l8
          local.get $l9
          i32.ge_s
          br_if $B3
          loop $L4
            local.get $p7
            local.get $l8
            i32.const 8
            i32.mul
            i32.add
            local.get $p2
            local.get $l8
            local.get $p3
            i32.mul
            i32.const 8
            i32.mul
            i32.add
            local.set $l10
            local.get $p6
            local.set $l11
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $l13
            local.get $p5
            i32.const -2
            i32.and
            local.set $l14
            i32.const 0
            local.set $l12
            block $B5
              local.get $l12
              local.get $l14
              i32.ge_s
              br_if $B5
              loop $L6
                local.get $l13
                local.get $l10
                v128.load
                local.get $l11
                v128.load
                f64x2.mul
                f64x2.add
                local.set $l13
                local.get $l10
                i32.const 16
                i32.add
                local.set $l10
                local.get $l11
                i32.const 16
                i32.add
                local.set $l11
                local.get $l12
                i32.const 2
                i32.add
                local.set $l12
                local.get $l12
                local.get $l14
                i32.lt_s
                br_if $L6
              end
            end
            local.get $l13
            f64x2.extract_lane 0
            local.get $l13
            f64x2.extract_lane 1
            f64.add
            local.set $l15
            local.get $l14
            local.get $p5
            i32.lt_s
            if $I7
              local.get $l15
              local.get $l10
              f64.load
              local.get $l11
              f64.load
              f64.mul
              f64.add
              local.set $l15
            end
            local.get $l15
            f64.store
            local.get $l8
            i32.const 1
            i32.add
            local.set $l8
            local.get $l8
            local.get $l9
            i32.lt_s
            br_if $L4
          end
        end
        br $L1
      end
    end)
  (func $trsv_lower_f64 (export "trsv_lower_f64") (type $t1) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32)
    (local $l4 i32) (local $l5 i32) (local $l6 i32) (local $l7 i32) (local $l8 i32) (local $l9 v128) (local $l10 i32) (local $l11 f64)
    i32.const 0
    local.set $l4
    block $B0
      local.get $l4
      local.get $p2
      i32.ge_s
      br_if $B0
      loop $L1
        local.get $p3
        local.get $l4
        i32.const 8
        i32.mul
        i32.add
        local.set $l7
        local.get $p0
        local.get $l4
        local.get $p1
        i32.mul
        i32.const 8
        i32.mul
        i32.add
        local.set $l5
        local.get $p3
        local.set $l6
        local.get $l7
        local.get $l7
        f64.load
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.set $l9
        local.get $l4
        i32.const -2
        i32.and
        local.set $l10
        i32.const 0
        local.set $l8
        block $B2
          local.get $l8
          local.get $l10
          i32.ge_s
          br_if $B2
          loop $L3
            local.get $l9
            local.get $l5
            v128.load
            local.get $l6
            v128.load
            f64x2.mul
            f64x2.add
            local.set $l9
            local.get $l5
            i32.const 16
            i32.add
            local.set $l5
            local.get $l6
            i32.const 16
            i32.add
            local.set $l6
            local.get $l8
            i32.const 2
            i32.add
            local.set $l8
            local.get $l8
            local.get $l10
            i32.lt_s
            br_if $L3
          end
        end
        local.get $l9
        f64x2.extract_lane 0
        local.get $l9
        f64x2.extract_lane 1
        f64.add
        local.set $l11
        local.get $l10
        local.get $l4
        i32.lt_s
        if $I4
          local.get $l11
          local.get $l5
          f64.load
          local.get $l6
          f64.load
          f64.mul
          f64.add
          local.set $l11
        end
        local.get $l11
        f64.sub
        local.get $p0
        local.get $l4
        local.get $p1
        i32.mul
        local.get $l4
        i32.add
        i32.const 8
        i32.mul
        i32.add
        f64.load
        f64.div
        f64.store
        local.get $l4
        i32.const 1
        i32.add
        local.set $l4
        local.get $l4
        local.get $p2
        i32.lt_s
        br_if $L1
      end
    end)
  (func $trsv_lower_t_f64 (export "trsv_lower_t_f64") (type $t2) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32)
    (local $l4 i32) (local $l5 i32) (local $l6 i32) (local $l7 i32) (local $l8 i32) (local $l9 f64) (local $l10 v128)
    local.get $p2
    i32.const 1
    i32.sub
    local.set $l4
    block $B0
      loop $L1
        local.get $l4
        i32.const 0
        i32.lt_s
        br_if $B0
        local.get $p0
        local.get $l4
        local.get $p1
        i32.mul
        i32.const 8
        i32.mul
        i32.add
        local.set $l6
        local.get $p3
        local.get $l4
        i32.const 8
        i32.mul
        i32.add
        local.get $p3
        local.get $l4
        i32.const 8
        i32.mul
        i32.add
        f64.load
        local.get $l6
        local.get $l4
        i32.const 8
        i32.mul
        i32.add
        f64.load
        f64.div
        local.tee $l9
        f64.store
        local.get $l9
        f64x2.splat
        local.set $l10
        local.get $p3
        local.set $l7
        local.get $l4
        i32.const -2
        i32.and
        local.set $l8
        i32.const 0
        local.set $l5
        block $B2
          local.get $l5
          local.get $l8
          i32.ge_s
          br_if $B2
          loop $L3
            local.get $l7
            local.get $l7
            v128.load
            local.get $l6
            v128.load
            local.get $l10
            f64x2.mul
            f64x2.sub
            v128.store
            local.get $l6
            i32.const 16
            i32.add
            local.set $l6
            local.get $l7
            i32.const 16
            i32.add
            local.set $l7
            local.get $l5
            i32.const 2
            i32.add
            local.set $l5
            local.get $l5
            local.get $l8
            i32.lt_s
            br_if $L3
          end
        end
        local.get $l8
        local.get $l4
        i32.lt_s
        if $I4
          local.get $l7
          local.get $l7
          f64.load
          local.get $l6
          f64.load
          local.get $l9
          f64.mul
          f64.sub
          f64.store
        end
        local.get $l4
        i32.const 1
        i32.sub
        local.set $l4
        br $L1
      end
    end))
